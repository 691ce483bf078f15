"""What waits for the server: queued edits, refused changes, conflicts — ``CareService.outbox``."""

from __future__ import annotations

from app.services.context import ServicePart
from app.sync_problems import SyncCounts, SyncProblems, read_sync_counts, read_sync_problems
from app.sync_problems import release_refused_changes as _release_refused_changes


class OutboxService(ServicePart):
    """The status line's counts and the list of sync problems."""

    def count(self) -> int:
        return self.repo.outbox_count()

    def counts(self) -> SyncCounts:
        """What the status line counts: queued edits, refused changes, open conflicts."""
        return read_sync_counts(self.ctx.db)

    def problems(self) -> SyncProblems:
        """Open conflicts and refused changes, with the names of the patients concerned."""
        return read_sync_problems(self.ctx.db)

    def release_refused(self) -> None:
        """Send the changes the server refused once more at the next sync (one transaction)."""
        _release_refused_changes(self.ctx.db)
