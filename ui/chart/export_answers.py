"""Export the patient's answers as a FHIR QuestionnaireResponse: to a file, or to the server.

For another system that reads the catalog's responses (a portal, a care home's record):
the current answers of the open patient that still hold, as one ``.json`` file or one
response on the FHIR server (the same response each time, amended). Answers due for
re-confirmation are left out, and the user is told how many. An export of patient data:
the user confirms with their PIN first, and the export is in the audit trail once it
succeeded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sync.client import PermissionMissingError, SyncError
from sync.engine import SyncProblem, problem_of
from ui.base import reauth
from ui.base.dialogs import open_dialog
from ui.base.error_text import error_text
from ui.base.save_dialog import save_file_dialog
from ui.operations.chart import ChartActions
from ui.qt import QtCore, QtWidgets

translate = QtCore.QCoreApplication.translate


def answers_dialog(parent: QtWidgets.QWidget) -> QtWidgets.QFileDialog:
    """The save dialog (the shared one); the suggested name holds no patient identifier."""
    dialog = save_file_dialog(
        parent,
        translate("ExportAnswers", "Export answers (FHIR)"),
        translate("ExportAnswers", "FHIR JSON files (*.json)"),
        "answers.questionnaire-response.json",
        "json",
    )
    dialog.setObjectName("export_answers_dialog")
    return dialog


def export_answers(
    parent: QtWidgets.QWidget,
    actions: ChartActions,
    patient_id: str,
    opened: Callable[[QtWidgets.QFileDialog], None] | None = None,
) -> None:
    """Ask the PIN first, then where to save (window-modal, ``open()``), then write the file
    and audit it. ``opened`` sees the save dialog once it is up (tests)."""

    def ask_where() -> None:
        dialog = answers_dialog(parent)

        def chosen() -> None:
            files = dialog.selectedFiles()
            if not files or not files[0]:
                return
            target = Path(files[0])
            actions.export_answers(
                patient_id,
                lambda res: _write(parent, target, res),
                lambda left_out: _say(
                    parent,
                    translate("ExportAnswers", "Answers exported to %1").replace("%1", target.name),
                    left_out,
                ),
            )

        open_dialog(dialog, chosen)
        if opened is not None:
            opened(dialog)

    reauth.request_reauth(
        parent, translate("ExportAnswers", "export of the patient's answers"), ask_where
    )


def _write(parent: QtWidgets.QWidget, target: Path, response: dict[str, Any]) -> bool:
    """Write the file (small: on the GUI thread); a failure says what to do."""
    try:
        target.write_text(json.dumps(response, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError:
        _warn(
            parent,
            translate("ExportAnswers", "Export answers (FHIR)"),
            translate(
                "ExportAnswers",
                "The file could not be written. Choose another folder, or check the disk.",
            ),
        )
        return False
    return True


def _say(parent: QtWidgets.QWidget, done: str, left_out: int) -> None:
    """Say it worked, and how many answers were left out as due for re-confirmation."""
    if left_out:
        done += " " + translate(
            "ExportAnswers",
            "%n answer(s) left out: due for re-confirmation with the patient.",
            "",
            left_out,
        )
    window = parent.window()
    if isinstance(window, QtWidgets.QMainWindow):
        window.statusBar().showMessage(done)


def _warn(parent: QtWidgets.QWidget, title: str, text: str) -> None:
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Warning,
        title,
        text,
        QtWidgets.QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("export_answers_warning")
    open_dialog(box)


def send_failure_text(exc: Exception) -> str:
    """Why the answers could not be sent, in the user's words: a known error's own text, a
    missing permission, a refusal; "check the network" only when the network is the cause."""
    known = error_text(exc)
    if known:
        return known
    if isinstance(exc, PermissionMissingError):
        if exc.scopes:
            return translate(
                "ExportAnswers", "Your sign-in lacks the permission %1 — tell IT."
            ).replace("%1", " ".join(exc.scopes))
        return translate(
            "ExportAnswers", "Your sign-in lacks a permission the server requires — tell IT."
        )
    if isinstance(exc, SyncError):
        words = {
            SyncProblem.OFFLINE: translate(
                "ExportAnswers", "The server could not be reached. Check the network and try again."
            ),
            SyncProblem.BUSY: translate(
                "ExportAnswers", "The server is busy. Try again in a few minutes."
            ),
            SyncProblem.NOT_TRUSTED: translate(
                "ExportAnswers", "The server's certificate is not trusted — tell IT."
            ),
            SyncProblem.SIGN_IN: translate(
                "ExportAnswers", "The server refused your sign-in — sign in again."
            ),
        }
        text = words.get(problem_of(exc))
        if text:
            return text
        return translate(
            "ExportAnswers",
            "The server refused the answers; nothing was sent. Tell IT if it persists.",
        )
    return translate(
        "ExportAnswers", "The answers could not be sent; nothing was sent. Tell IT if it persists."
    )


def send_answers(
    parent: QtWidgets.QWidget,
    actions: ChartActions,
    patient_id: str,
    upload: Callable[[dict[str, Any]], object],
) -> None:
    """After the PIN, send the answers to the server as a QuestionnaireResponse (``upload``:
    the sync layer's, over the session's connection); say how it went."""

    def sent(left_out: int) -> None:
        _say(
            parent,
            translate("ExportAnswers", "Answers sent to the server as a FHIR response."),
            left_out,
        )

    def failed(exc: Exception) -> None:
        _warn(
            parent,
            translate("ExportAnswers", "Send answers to the server (FHIR)"),
            send_failure_text(exc),
        )

    reauth.request_reauth(
        parent,
        translate("ExportAnswers", "sending the patient's answers to the server"),
        lambda: actions.send_answers(patient_id, upload, sent, failed),
    )
