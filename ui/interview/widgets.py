"""The interview's parts on screen: answer options with their keys, the summary page."""

from __future__ import annotations

import html

from ui.qt import Qt, QtWidgets

STYLE = """
QLabel#keyCap { border: 1px solid palette(mid); border-bottom-width: 3px; border-radius: 5px;
                padding: 2px 8px 1px 8px; font-weight: 700; background: palette(base);
                color: palette(text); }
QPushButton#optionButton { border: 1px solid palette(mid); border-radius: 7px;
                           background: palette(button); text-align: left; }
QPushButton#optionButton:hover { border-color: palette(highlight); }
QPushButton#optionButton:focus { border: 2px solid palette(highlight); }
QPushButton#optionButton:checked { border: 2px solid palette(highlight);
                                   background: palette(midlight); }
QFrame#patientLanguage { border-left: 4px solid palette(highlight);
                         background: palette(alternate-base); }
QLabel#interviewFeedback { color: #b45309; font-weight: 600; }
"""


def key_cap(key: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    """A key drawn as a key cap, so what to press reads at a glance."""
    cap = QtWidgets.QLabel(key, parent)
    cap.setObjectName("keyCap")
    cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
    cap.setMinimumWidth(cap.fontMetrics().horizontalAdvance("W") + 18)
    cap.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return cap


class OptionButton(QtWidgets.QPushButton):
    """One answer: its key, its words in the nurse's language and, beside, the patient's."""

    def __init__(
        self,
        key: str,
        text: str,
        patient_words: str | None,
        *,
        checkable: bool,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self._text = text
        self.setObjectName("optionButton")
        self.setCheckable(checkable)
        self.setAutoDefault(False)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 12, 6)
        layout.setSpacing(10)
        layout.addWidget(key_cap(key, self))
        self.words = QtWidgets.QLabel(self)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.words, 1)
        if patient_words:
            other = QtWidgets.QLabel(patient_words, self)
            other.setObjectName("mutedText")
            other.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(other)
        self.setAccessibleName(f"{key}: {text}")
        self.toggled.connect(self._show_check)
        self._show_check(False)
        self.setMinimumHeight(max(layout.sizeHint().height(), self.fontMetrics().height() * 2 + 8))
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
        )

    def _show_check(self, checked: bool) -> None:
        # Never colour alone: a ticked box in the words as well.
        mark = ("☑  " if checked else "☐  ") if self.isCheckable() else ""
        self.words.setText(mark + self._text)


def summary_html(
    title: str, lines: list[tuple[str, str]], skipped_labels: list[str], skipped_title: str
) -> str:
    """The summary page's text: a title, counts, and which questions are still open."""
    rows = "".join(
        f"<tr><td style='padding-right:18px'>{html.escape(name)}</td>"
        f"<td align='right'><b>{html.escape(value)}</b></td></tr>"
        for name, value in lines
    )
    text = f"<h2>{html.escape(title)}</h2><table>{rows}</table>"
    if skipped_labels:
        items = "".join(f"<li>{html.escape(label)}</li>" for label in skipped_labels)
        text += f"<p>{html.escape(skipped_title)}</p><ul>{items}</ul>"
    return text
