"""The patient screen: a banner that is always visible, and the five tabs under it."""

from __future__ import annotations

import html

from app.clock import local_day
from app.domain import Patient, Role
from app.services import PatientChart
from ui.chart.contacts_tab import ContactsTab
from ui.chart.history_tab import HistoryTab
from ui.chart.medications_tab import MedicationsTab
from ui.chart.question_board import AskOnceBoard
from ui.discharge.tab import DischargeTab
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets


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
    """Name, preferred name, birth date and age, MRN, bed, allergies: on every patient tab."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientBanner")
        self.setAccessibleName(self.tr("Patient banner"))
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.photo = PhotoPlaceholder()
        layout.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        text = QtWidgets.QVBoxLayout()
        text.setSpacing(2)
        self.name = QtWidgets.QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.name)
        self.details = QtWidgets.QLabel()
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.details)
        self.allergy_row = QtWidgets.QHBoxLayout()
        self.allergy_row.setSpacing(6)
        text.addLayout(self.allergy_row)
        layout.addLayout(text, 1)
        self.unsent = QtWidgets.QLabel()
        self.unsent.setObjectName("unsentBadge")
        layout.addWidget(self.unsent, 0, Qt.AlignmentFlag.AlignTop)

    def show_chart(self, chart: PatientChart) -> None:
        p = chart.patient
        self.photo.set_patient(p)
        name = html.escape(p.display_name)
        if p.preferred_name:
            name += f" <span style='font-weight:400'>“{html.escape(p.preferred_name)}”</span>"
        self.name.setText(name)
        self.name.setAccessibleName(self.tr("Patient name: %1").replace("%1", p.display_name))
        born = QtCore.QLocale().toString(
            QtCore.QDate(p.birth_date.year, p.birth_date.month, p.birth_date.day), "d MMM yyyy"
        )
        parts = [
            self.tr("born %1 (%2 y)")
            .replace("%1", born)
            .replace("%2", str(p.age_on(local_day(chart.as_of)))),
            self.tr("MRN %1").replace("%1", p.mrn),
            self.tr("Bed %1").replace("%1", p.bed) if p.bed else "",
            p.ward,
        ]
        self.details.setText("  ·  ".join(html.escape(x) for x in parts if x))
        self.details.setAccessibleName(self.details.text().replace("·", ","))

        while self.allergy_row.count():
            child = self.allergy_row.takeAt(0)
            if child is not None and (w := child.widget()) is not None:
                w.deleteLater()
        if p.allergies:
            for allergy in p.allergies:
                kind = (
                    self.tr("allergy")
                    if allergy.kind.value == "allergy"
                    else self.tr("intolerance")
                )
                reaction = f", {allergy.reaction}" if allergy.reaction else ""
                chip = QtWidgets.QLabel(f"⚠ {allergy.substance} ({kind}{reaction})")
                chip.setObjectName("allergyChip")
                chip.setAccessibleName(
                    self.tr("Known %1: %2").replace("%1", kind).replace("%2", allergy.substance)
                )
                self.allergy_row.addWidget(chip)
        else:
            none = QtWidgets.QLabel(self.tr("No known allergies or intolerances recorded"))
            none.setObjectName("mutedText")
            self.allergy_row.addWidget(none)
        self.allergy_row.addStretch(1)

        if chart.unsent_changes:
            self.unsent.setText(
                "● " + self.tr("%n change(s) not yet sent", "", chart.unsent_changes)
            )
            self.unsent.show()
        else:
            self.unsent.hide()


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
        self.banner = PatientBanner()
        layout.addWidget(self.banner)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Patient tabs"))
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
        self.board.show_chart(chart)
        self.medications.show_chart(chart)
        self.contacts.show_chart(chart)
        self.discharge.show_chart(chart)
        self.history.show_chart(chart)

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
