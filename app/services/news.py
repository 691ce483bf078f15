"""Colleagues' news — ``CareService.news``.

A change downloaded for a patient this user already had (a colleague's answer, a new
drug, a changed helper) is news until the user has seen it: the chart marks the item
("new from Leyla Demir, 10:42"), the ward list marks the patient. The user's own
changes, made here or on another workstation, are never news; nor is anything about a
patient the sync has just brought (everything about them is new).
"""

from __future__ import annotations

from app.domain import NewsItem
from app.services.context import ServicePart


class NewsService(ServicePart):
    def of_patient(self, patient_id: str) -> tuple[NewsItem, ...]:
        """The patient's unseen news, newest first."""
        return tuple(self.repo.news(patient_id, not_by=self.actor.user_id))

    def counts(self) -> dict[str, int]:
        """Patient id → how many unseen changes (patients without news left out)."""
        return self.repo.news_counts(not_by=self.actor.user_id)

    def seen(self, patient_id: str, up_to: int) -> None:
        """The user has seen the patient's news up to ``up_to`` (the newest ``seq`` shown):
        news that arrived since stays."""
        with self.db.transaction() as conn:
            self.repo.clear_news(conn, patient_id, up_to)
