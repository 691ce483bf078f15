"""The patient screen: a banner that is always visible, and the five tabs under it.

The banner is what makes sure it is the right patient: name, birth date, MRN, bed, a
name alert when another patient's name is the same or alike, the allergies, and the
communication and sensory needs already known (interpreter, language, hearing, sight).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from app.clock import local_day
from app.domain import Patient, Role
from app.name_alerts import NameMatch
from app.services import PatientChart
from app.services.charts import CommunicationNeed
from ui.base.style import relative_time
from ui.chart.contacts_tab import ContactsTab
from ui.chart.export_answers import export_answers, send_answers
from ui.chart.history_tab import HistoryTab, change_text
from ui.chart.medications_tab import MedicationsTab
from ui.chart.question_board import AskOnceBoard
from ui.chart.reported_panel import ReportedPanel
from ui.discharge.tab import DischargeTab
from ui.mainwindow.ward_model import (
    ALERT_GLYPH,
    NOTICE_GLYPH,
    locale_date,
    name_match_text,
    other_patient_text,
    spoken_name_matches,
)
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets


class FlowLayout(QtWidgets.QLayout):
    """Chips left to right, on as many lines as the width needs (Qt's flow layout example).

    Each line's items are centred on the line, so a large name and small chips sit level.
    An item wider than the line gets the line's width (a chip then wraps its words).
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QtWidgets.QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QtWidgets.QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QtCore.QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QtCore.QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QtCore.QSize:
        return self.minimumSize()

    def minimumSize(self) -> QtCore.QSize:
        size = QtCore.QSize(0, 0)
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QtCore.QRect, *, apply: bool) -> int:
        width = max(rect.width(), 1)
        x, y, line_height = 0, 0, 0
        line: list[tuple[QtWidgets.QLayoutItem, int, int, int]] = []

        def place() -> None:
            for item, left, item_width, item_height in line:
                top = y + (line_height - item_height) // 2
                item.setGeometry(
                    QtCore.QRect(rect.x() + left, rect.y() + top, item_width, item_height)
                )

        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            item_width = min(hint.width(), width)
            item_height = (
                item.heightForWidth(item_width) if item.hasHeightForWidth() else hint.height()
            )
            if line and x + item_width > width:
                if apply:
                    place()
                y += line_height + self._gap
                x, line_height, line = 0, 0, []
            line.append((item, x, item_width, item_height))
            x += item_width + self._gap
            line_height = max(line_height, item_height)
        if apply:
            place()
        return y + line_height


class Chip(QtWidgets.QLabel):
    """A rounded label for one fact in the banner; it wraps its words only when it must."""

    def __init__(self, text: str, object_name: str, spoken: str = "") -> None:
        super().__init__(text)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(spoken or text)

    def sizeHint(self) -> QtCore.QSize:
        # A wrapping label hints a narrow block; a chip wants its text on one line.
        self.ensurePolished()
        margins = self.contentsMargins()
        natural = (
            self.fontMetrics().horizontalAdvance(self.text())
            + margins.left()
            + margins.right()
            + 2 * self.margin()
            + 12
        )
        return QtCore.QSize(natural, super().sizeHint().height())


def _dark() -> bool:
    base = QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.Base)
    return base.lightness() < 128


def banner_chip_styles() -> str:
    """The name alert, notice and need chips, in colours with their own contrast per palette.

    Never colour alone: the alert chip carries ⚠ and "Name alert", the notice ≈ and words.
    """
    if _dark():
        alert = "color: #fde68a; background: #451a03; border: 2px solid #d97706;"
        need = "color: #e0f2fe; background: #0c4a6e; border: 1px solid #0369a1;"
    else:
        alert = "color: #78350f; background: #fef3c7; border: 2px solid #d97706;"
        need = "color: #0c4a6e; background: #e0f2fe; border: 1px solid #7dd3fc;"
    chip = "border-radius: 8px; padding: 1px 8px;"
    return (
        f"QLabel#nameAlertChip {{ {alert} {chip} font-weight: 700; }}"
        f" QLabel#nameNoticeChip {{ color: palette(text); background: palette(base);"
        f" border: 1px solid palette(mid); {chip} }}"
        f" QLabel#needChip {{ {need} {chip} font-weight: 600; }}"
    )


class PhotoPlaceholder(QtWidgets.QLabel):
    """A round badge with the patient's initials (photos arrive with the server sync)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(56, 56)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(self.tr("Patient photo (none on file)"))
        self.setStyleSheet(
            "background: #334155; color: white; border-radius: 28px; font-size: 18px;"
            " font-weight: 700;"
        )

    def set_patient(self, patient: Patient) -> None:
        self.setText((patient.given_name[:1] + patient.family_name[:1]).upper())


class PatientBanner(QtWidgets.QFrame):
    """Name and name alert, birth date and age, MRN, bed, allergies and communication needs."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("patientBanner")
        self.setAccessibleName(self.tr("Patient banner"))
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.photo = PhotoPlaceholder()
        layout.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        text = QtWidgets.QVBoxLayout()
        text.setSpacing(4)
        self.name_row = FlowLayout(spacing=10)
        self.name = QtWidgets.QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_row.addWidget(self.name)
        text.addLayout(self.name_row)
        self.name_alert_chips: list[Chip] = []
        self.details = QtWidgets.QLabel()
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.details)
        self.allergy_row = FlowLayout()
        text.addLayout(self.allergy_row)
        self.need_chips: list[Chip] = []
        layout.addLayout(text, 1)
        self.unsent = QtWidgets.QLabel()
        self.unsent.setObjectName("unsentBadge")
        layout.addWidget(self.unsent, 0, Qt.AlignmentFlag.AlignTop)
        self._follow_palette()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QtCore.QEvent.Type.PaletteChange,
            QtCore.QEvent.Type.ApplicationPaletteChange,
        ):
            self._follow_palette()

    def _follow_palette(self) -> None:
        # Only on a real change: a style sheet sets the palette, which would call us again.
        sheet = banner_chip_styles()
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    def show_chart(self, chart: PatientChart) -> None:
        p = chart.patient
        self.photo.set_patient(p)
        name = html.escape(p.display_name)
        if p.preferred_name:
            name += f" <span style='font-weight:400'>“{html.escape(p.preferred_name)}”</span>"
        self.name.setText(name)
        self.name.setAccessibleName(self.tr("Patient name: %1").replace("%1", p.display_name))
        parts = [
            self.tr("born %1 (%2 y)")
            .replace("%1", locale_date(p.birth_date))
            .replace("%2", str(p.age_on(local_day(chart.as_of)))),
            self.tr("MRN %1").replace("%1", p.mrn),
            self.tr("Bed %1").replace("%1", p.bed) if p.bed else "",
            p.ward,
        ]
        self.details.setText("  ·  ".join(html.escape(x) for x in parts if x))
        self.details.setAccessibleName(self.details.text().replace("·", ","))
        self._show_name_matches(p, chart.name_matches)

        _clear(self.allergy_row)
        if p.allergies:
            for allergy in p.allergies:
                kind = (
                    self.tr("allergy")
                    if allergy.kind.value == "allergy"
                    else self.tr("intolerance")
                )
                reaction = f", {allergy.reaction}" if allergy.reaction else ""
                chip = Chip(
                    f"⚠ {allergy.substance} ({kind}{reaction})",
                    "allergyChip",
                    self.tr("Known %1: %2").replace("%1", kind).replace("%2", allergy.substance),
                )
                self.allergy_row.addWidget(chip)
        else:
            none = QtWidgets.QLabel(self.tr("No known allergies or intolerances recorded"))
            none.setObjectName("mutedText")
            self.allergy_row.addWidget(none)
        self.need_chips = [self._need_chip(n) for n in chart.needs if n.matters_in(self.language)]
        for chip in self.need_chips:
            self.allergy_row.addWidget(chip)

        if chart.unsent_changes:
            self.unsent.setText(
                "● " + self.tr("%n change(s) not yet sent", "", chart.unsent_changes)
            )
            self.unsent.show()
        else:
            self.unsent.hide()

    def _show_name_matches(self, p: Patient, matches: Sequence[NameMatch]) -> None:
        """A prominent chip for each alert; one quiet chip for the family names on the ward."""
        for chip in self.name_alert_chips:
            self.name_row.removeWidget(chip)
            chip.deleteLater()
        self.name_alert_chips = []
        alerts = [m for m in matches if m.is_alert]
        notices = [m for m in matches if not m.is_alert]
        title = self.tr("Name alert")
        for match in alerts:
            words = f"{title}: {name_match_text(match, p.ward)}"
            chip = Chip(f"{ALERT_GLYPH} {words}", "nameAlertChip", words)
            self.name_alert_chips.append(chip)
        if notices:
            others = ", ".join(other_patient_text(m.other, p.ward) for m in notices)
            words = self.tr("Same family name on this ward: %1").replace("%1", others)
            chip = Chip(f"{NOTICE_GLYPH} {words}", "nameNoticeChip", words)
            self.name_alert_chips.append(chip)
        for chip in self.name_alert_chips:
            self.name_row.addWidget(chip)
        self.setAccessibleDescription(spoken_name_matches(matches, p.ward))

    def _need_chip(self, need: CommunicationNeed) -> Chip:
        label, value = need.label_for(self.language), need.value_for(self.language)
        words = f"{label}: {value}" if value else label
        if need.due:
            due = self.tr("to re-confirm")
            chip = Chip(f"↻ {words} ({due})", "needChip", f"{words}, {due}")
            chip.setToolTip(self.tr("Known from an earlier answer that is due for re-confirmation"))
            return chip
        return Chip(words, "needChip")


def _clear(layout: QtWidgets.QLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        if child is not None and (w := child.widget()) is not None:
            w.deleteLater()


class NewsStrip(QtWidgets.QFrame):
    """What colleagues changed since the user last saw the patient: never a silent change.

    Shown under the banner until the user says "Seen"; news that arrives after that (a
    later sync) shows again. Lists each change with who made it and when.
    """

    sig_seen = QtCore.Signal(str, int)
    """The user has seen the news (arguments: patient id, the newest ``seq`` shown)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newsStrip")
        self._patient_id = ""
        self._up_to = 0
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.text = QtWidgets.QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.text, 1)
        self.seen_button = QtWidgets.QPushButton(self.tr("&Seen"))
        self.seen_button.setAccessibleName(self.tr("Mark the colleagues' changes as seen"))
        self.seen_button.clicked.connect(lambda: self.sig_seen.emit(self._patient_id, self._up_to))
        layout.addWidget(self.seen_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_news(self, chart: PatientChart) -> None:
        self._patient_id = chart.patient.id
        if not chart.news:
            self.hide()
            return
        self._up_to = max(n.seq for n in chart.news)
        lines = [
            self.tr("%1 — %2, %3")
            .replace("%1", f"{n.subject}: {change_text(n.action, '', n.new_value)}".rstrip(": "))
            .replace("%2", n.actor.display_name)
            .replace("%3", relative_time(n.at, chart.as_of))
            for n in chart.news
        ]
        title = self.tr("New from colleagues since you last saw this patient:")
        self.text.setText(
            f"<b>{html.escape(title)}</b><br>"
            + "<br>".join(f"● {html.escape(line)}" for line in lines)
        )
        self.setAccessibleName(title + " " + "; ".join(lines))
        self.show()


class PatientView(QtWidgets.QWidget):
    """Banner plus the tabs Ask once, Medications, Home & helpers, Discharge, History."""

    def __init__(
        self,
        actions: ChartActions,
        parent: QtWidgets.QWidget | None = None,
        *,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.chart: PatientChart | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = PatientBanner(language=language)
        layout.addWidget(self.banner)
        self.news = NewsStrip()
        self.news.sig_seen.connect(actions.mark_news_seen)
        layout.addWidget(self.news)
        # The patient's portal answers, offered above the board until a nurse confirms them.
        self.reported = ReportedPanel(actions, language=language)
        layout.addWidget(self.reported)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Patient tabs"))
        self.tabs.tabBar().setAccessibleName(self.tr("Patient tabs"))
        self.board = AskOnceBoard(actions, language=language)
        self.medications = MedicationsTab(actions)
        self.contacts = ContactsTab(actions)
        self.discharge = DischargeTab(actions, language=language)
        self.history = HistoryTab()
        self.tabs.addTab(self.board, self.tr("&Ask once"))
        self.tabs.addTab(self.medications, self.tr("&Medications"))
        self.tabs.addTab(self.contacts, self.tr("H&ome && helpers"))
        self.tabs.addTab(self.discharge, self.tr("&Discharge"))
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        self.discharge.sig_ask_question.connect(self.ask_question)
        for n in range(self.tabs.count()):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.tabs.setCurrentIndex(n))
            self.tabs.setTabToolTip(n, self.tr("Ctrl+%1").replace("%1", str(n + 1)))
        layout.addWidget(self.tabs, 1)

    def show_chart(self, chart: PatientChart) -> None:
        self.chart = chart
        self.banner.show_chart(chart)
        self.news.show_news(chart)
        self.reported.show_patient(chart.patient.id)
        self.board.show_chart(chart)
        self.medications.show_chart(chart)
        self.contacts.show_chart(chart)
        self.discharge.show_chart(chart)
        self.history.show_chart(chart)

    def export_answers(self) -> None:
        """Ask once ▸ Export answers (FHIR): the open patient's current answers as a file."""
        if self.chart is not None:
            export_answers(self, self.reported.chart_actions, self.chart.patient.id)

    def send_answers(self, upload: Callable[[dict[str, Any]], object]) -> None:
        """Ask once ▸ Send answers to the server (FHIR), through ``upload`` (sync layer)."""
        if self.chart is not None:
            send_answers(self, self.reported.chart_actions, self.chart.patient.id, upload)

    def show_first_tab(self, role: Role) -> None:
        """What a role sees first: the nurse the Ask-once board, the coordinator the discharge."""
        self.tabs.setCurrentWidget(self.discharge if role is Role.COORDINATOR else self.board)

    def ask_question(self, code: str) -> None:
        """Go to one question on the Ask-once tab (the only place an answer is recorded)."""
        self.tabs.setCurrentWidget(self.board)
        self.board.show_question(code)

    def reopen_editor(self, kind: str, ref: str | None) -> None:
        """Open the editor a saved draft belongs to (see ``ui.base.drafts``)."""
        if kind == "answer" and ref is not None:
            self.tabs.setCurrentWidget(self.board)
            self.board.open_editor(ref)
        elif kind == self.medications.draft_kind:
            self.tabs.setCurrentWidget(self.medications)
            self.medications.open_editor(ref)
        elif kind == self.contacts.draft_kind:
            self.tabs.setCurrentWidget(self.contacts)
            self.contacts.open_editor(ref)
