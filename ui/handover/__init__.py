"""The shift handover sheet (issue 14): a preview of the ward's or the picked patients'
sheet, printed or saved as PDF behind re-authentication and audited.

The one entry point is ``open_handover``; the window's menu calls it.
"""

from ui.handover.dialog import HandoverDialog, open_handover

__all__ = ["HandoverDialog", "open_handover"]
