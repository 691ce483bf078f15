"""Look and feel in one place: palette-aware colours, status chips, formatting helpers.

Status is never colour alone: every chip carries a glyph and a word, so it
reads in black and white, for colour-blind staff and through a screen reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.clock import local_day
from app.domain import AnswerState
from ui.qt import Qt, QtCore, QtGui, QtWidgets


@dataclass(frozen=True)
class ChipStyle:
    glyph: str
    text: str
    background: str
    foreground: str
    border: str


def state_chip(state: AnswerState, *, no_answer: bool = False) -> ChipStyle:
    """The chip of a board state; ``no_answer``: asked, but the patient gave no answer (it
    holds, so the question is not asked again, but it is no answer to rely on)."""
    if state is AnswerState.VALID and no_answer:
        return ChipStyle(
            "–",
            QtCore.QCoreApplication.translate("Status", "Asked"),
            "#e0f2fe",
            "#0c4a6e",
            "#7dd3fc",
        )
    if state is AnswerState.VALID:
        return ChipStyle(
            "✓",
            QtCore.QCoreApplication.translate("Status", "Answered"),
            "#dcfce7",
            "#14532d",
            "#86efac",
        )
    if state is AnswerState.DUE:
        return ChipStyle(
            "↻",
            QtCore.QCoreApplication.translate("Status", "Re-confirm"),
            "#fef3c7",
            "#78350f",
            "#fcd34d",
        )
    return ChipStyle(
        "○",
        QtCore.QCoreApplication.translate("Status", "Not asked"),
        "#f1f5f9",
        "#334155",
        "#cbd5e1",
    )


def make_chip(style: ChipStyle, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    chip = QtWidgets.QLabel(f"{style.glyph}  {style.text}", parent)
    chip.setObjectName("statusChip")
    chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    chip.setStyleSheet(
        f"QLabel#statusChip {{ background: {style.background}; color: {style.foreground};"
        f" border: 1px solid {style.border}; border-radius: 9px; padding: 2px 8px;"
        " font-weight: 600; }"
    )
    chip.setAccessibleName(style.text)
    return chip


def unknown_time_text() -> str:
    return QtCore.QCoreApplication.translate("Time", "time unknown")


def relative_time(at: datetime | None, now: datetime | None) -> str:
    """'today 14:05', 'yesterday', '3 days ago', or a date: how nurses talk about time.

    ``now`` is the instant the shown data was read (``PatientChart.as_of``): the one
    clock, never the wall clock, so what the screen says matches the answer states.
    Without it the date and time are shown; a fact the server did not date says so.
    """
    if at is None:
        return unknown_time_text()
    if now is None:
        return local_datetime(at)
    local = at.astimezone()
    days = (local_day(now) - local.date()).days
    if days < 0:  # recorded "in the future": a colleague's clock runs ahead; say the date
        return _locale_text(local, "d MMM yyyy HH:mm")
    if days == 0:
        return QtCore.QCoreApplication.translate("Time", "today %1").replace(
            "%1", local.strftime("%H:%M")
        )
    if days == 1:
        return QtCore.QCoreApplication.translate("Time", "yesterday %1").replace(
            "%1", local.strftime("%H:%M")
        )
    if days < 14:
        return QtCore.QCoreApplication.translate("Time", "%1 days ago").replace("%1", str(days))
    return _locale_text(local, "d MMM yyyy")


def date_text(day: date, fmt: str = "d MMM yyyy") -> str:
    """A date in the UI language's words (QLocale), e.g. "4 Feb 1951"."""
    return QtCore.QLocale().toString(QtCore.QDate(day.year, day.month, day.day), fmt)


def local_datetime(at: datetime | None) -> str:
    if at is None:
        return unknown_time_text()
    return _locale_text(at.astimezone(), "d MMM yyyy HH:mm")


def _locale_text(local: datetime, fmt: str) -> str:
    """Dates in the UI language's month names (QLocale), not the C library's."""
    qdt = QtCore.QDateTime(
        QtCore.QDate(local.year, local.month, local.day),
        QtCore.QTime(local.hour, local.minute),
    )
    return QtCore.QLocale().toString(qdt, fmt)


def apply_app_style(app: QtWidgets.QApplication) -> None:
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(
        """
        QToolTip { padding: 4px; }
        QTableView { gridline-color: palette(midlight); }
        QTableView::item:selected { background: palette(highlight);
                                    color: palette(highlighted-text); }
        QHeaderView::section { padding: 4px 6px; font-weight: 600; }
        QTabBar::tab { padding: 6px 14px; }
        QGroupBox { font-weight: 600; margin-top: 14px; }
        QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
        QLabel#demoBanner { background: #c2410c; color: white; font-weight: 700;
                            padding: 4px; letter-spacing: 1px; }
        QLabel#unsentBadge { color: #92400e; background: #fffbeb; border: 1px solid #fcd34d;
                             border-radius: 8px; padding: 1px 8px; }
        QLabel#allergyChip { color: #7f1d1d; background: #fee2e2; border: 1px solid #fca5a5;
                             border-radius: 8px; padding: 1px 8px; font-weight: 600; }
        QLabel#mutedText { color: palette(placeholder-text); }
        QLabel#overdueChip { color: #7f1d1d; background: #fee2e2; border: 1px solid #fca5a5;
                             border-radius: 8px; padding: 1px 8px; font-weight: 600; }
        QFrame#patientBanner { background: palette(alternate-base);
                               border-bottom: 1px solid palette(mid); }
        QLabel#newsMark { color: palette(link); font-weight: 600; }
        QFrame#newsStrip { background: palette(base); border-left: 4px solid #2563eb;
                           border-bottom: 1px solid palette(mid); }
        """
    )


def unsent_color() -> QtGui.QColor:
    return QtGui.QColor("#b45309")


def overdue_colors() -> tuple[QtGui.QColor, QtGui.QColor]:
    """Background and text for overdue cells: a pair with its own contrast, light or dark mode.

    Never the only sign: overdue cells also carry "⚠" and the word.
    """
    base = QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.Base)
    if base.lightness() < 128:  # dark mode: a deep red under light text, not a glaring pink
        return QtGui.QColor("#5b1d1d"), QtGui.QColor("#fecaca")
    return QtGui.QColor("#fee2e2"), QtGui.QColor("#7f1d1d")
