"""Error messages of the core and the sign-in, in the user's language.

The core has no Qt: a ``KnownError`` carries an English template and its values
(``app/errors.py``). Every template the core and the sign-in raise is listed here,
so lupdate puts it into the translation files; ``tests/unit/test_translations.py``
fails when one is missing. Errors only IT acts on (a broken catalog, checklist or
policy file) stay English: they name files and fields.
"""

from __future__ import annotations

import logging

from app.errors import KnownError
from ui.qt import QtCore

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # (the name lupdate looks for)
    """Marks ``text`` for translation in ``context``; it is translated when shown."""
    return text


TEMPLATES: frozenset[str] = frozenset(
    (
        QT_TRANSLATE_NOOP(
            "Errors",
            "The data folder is missing or read-only, so the local cache cannot be opened.",
        ),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Ask IT to check AskOnce's data folder and its permissions on this workstation.",
        ),
        QT_TRANSLATE_NOOP("Errors", "The extra CA certificates in {path} cannot be read."),
        QT_TRANSLATE_NOOP("Errors", "Ask IT to check the ca_bundle setting (a PEM file)."),
        QT_TRANSLATE_NOOP("Errors", "The proxy setting is not an http:// or https:// address."),
        QT_TRANSLATE_NOOP("Errors", "Ask IT to check the http_proxy setting."),
        QT_TRANSLATE_NOOP(
            "Errors", "The identity provider's certificate is not trusted by this computer."
        ),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Ask IT to add the hospital's CA certificate to this computer or to the ca_bundle "
            "setting.",
        ),
        QT_TRANSLATE_NOOP("Errors", "{path} already exists."),
        QT_TRANSLATE_NOOP("Errors", "Choose another file name."),
        QT_TRANSLATE_NOOP("Errors", "The diagnostics file {path} cannot be written ({reason})."),
        QT_TRANSLATE_NOOP("Errors", "Choose another folder, or check that the disk is not full."),
        QT_TRANSLATE_NOOP("Errors", "Too many wrong PINs."),
        QT_TRANSLATE_NOOP("Errors", "Wait {seconds} seconds, then try again."),
        QT_TRANSLATE_NOOP("Errors", "This patient already has a discharge plan."),
        QT_TRANSLATE_NOOP("Errors", "That discharge plan is no longer in the cache."),
        QT_TRANSLATE_NOOP("Errors", "A discharge plan cannot move to another patient."),
        QT_TRANSLATE_NOOP("Errors", "Start a discharge plan first."),
        QT_TRANSLATE_NOOP("Errors", "That contact is not among this patient's contacts."),
        QT_TRANSLATE_NOOP("Errors", "The helper at home must be a person, not an agency."),
        QT_TRANSLATE_NOOP("Errors", "A checklist item cannot move to another plan or item."),
        QT_TRANSLATE_NOOP("Errors", "A checklist item needs a name."),
        QT_TRANSLATE_NOOP("Errors", "This contact has not consented to receive information."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The follow-up channel has no number or address yet: see the Follow-up section.",
        ),
        QT_TRANSLATE_NOOP("Errors", "That follow-up request is no longer in the cache."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The discharge plan is not complete yet: the follow-up is requested when every"
            " item is done.",
        ),
        QT_TRANSLATE_NOOP("Errors", "That medication is no longer in the cache."),
        QT_TRANSLATE_NOOP("Errors", "That contact is no longer in the cache."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The patient already has this prescription: choose continue, change or stop.",
        ),
        QT_TRANSLATE_NOOP("Errors", "The cache key has the wrong length."),
        QT_TRANSLATE_NOOP("Errors", "The cache key was dropped (the app is locked)."),
        QT_TRANSLATE_NOOP("Errors", "This workstation's keystore has no key for this user."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Ask IT: the cache cannot be opened on this workstation any more.",
        ),
        QT_TRANSLATE_NOOP("Errors", "Too many wrong PINs: offline unlock is blocked."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Sign in online to restore access; your data and unsent changes are kept.",
        ),
        QT_TRANSLATE_NOOP("Errors", "The key file {file} has an unknown format."),
        QT_TRANSLATE_NOOP("Errors", "The key file {file} is damaged."),
        QT_TRANSLATE_NOOP("Errors", "This workstation's keystore entry is damaged."),
        QT_TRANSLATE_NOOP("Errors", "Wrong PIN."),
        QT_TRANSLATE_NOOP("Errors", "Check the PIN and try again."),
        QT_TRANSLATE_NOOP("Errors", "No cache exists for this user on this workstation."),
        QT_TRANSLATE_NOOP("Errors", "No secure keystore is available (found {backend})."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Ask IT to check that the workstation's keystore (Secret Service / Keychain / "
            "Credential Manager) is running.",
        ),
        QT_TRANSLATE_NOOP("Errors", "The workstation's keystore is locked."),
        QT_TRANSLATE_NOOP("Errors", "Unlock your desktop session's keyring, then try again."),
        QT_TRANSLATE_NOOP("Errors", "The workstation's keystore failed."),
        QT_TRANSLATE_NOOP("Errors", "The workstation's keystore cannot be reached."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "This question is already answered; confirm or correct the answer instead.",
        ),
        QT_TRANSLATE_NOOP("Errors", "Please say why the answer was entered in error."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "This answer was entered in error; record a new answer instead.",
        ),
        QT_TRANSLATE_NOOP(
            "Errors",
            "This medication comes from a prescription in another system and cannot be "
            "changed here.",
        ),
        QT_TRANSLATE_NOOP("Errors", "That patient is no longer in your list."),
        QT_TRANSLATE_NOOP("Errors", "That answer is no longer in the cache."),
        QT_TRANSLATE_NOOP("Errors", "Please enter an answer."),
        QT_TRANSLATE_NOOP("Errors", "Please pick one of the listed answers."),
        QT_TRANSLATE_NOOP("Errors", "Say why you need access (at least {count} characters)."),
        QT_TRANSLATE_NOOP("Errors", "That question is not in the catalog."),
        QT_TRANSLATE_NOOP("Errors", "Please answer yes or no."),
        QT_TRANSLATE_NOOP("Errors", "Please pick at least one of the listed answers."),
        QT_TRANSLATE_NOOP("Errors", "Please enter a time as HH:MM, for example 21:30."),
        QT_TRANSLATE_NOOP("Errors", "A cache for this user already exists on this workstation."),
        QT_TRANSLATE_NOOP("Errors", "The PIN must have at least {count} characters."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The PIN is too easy to guess (repeated or consecutive digits).",
        ),
        QT_TRANSLATE_NOOP("Errors", "1 more wrong try will block offline unlock."),
        QT_TRANSLATE_NOOP("Errors", "{left} more wrong tries will block offline unlock."),
        QT_TRANSLATE_NOOP("Errors", "Cannot read {file} ({kind})."),
        QT_TRANSLATE_NOOP("Errors", "Too many wrong PINs: offline unlock is now blocked."),
        QT_TRANSLATE_NOOP("Errors", "The local cache reported an error ({kind})."),
        QT_TRANSLATE_NOOP("Errors", "The disk is full: your last change was not saved."),
        QT_TRANSLATE_NOOP("Errors", "Ask IT to free space on this workstation; then save again."),
        QT_TRANSLATE_NOOP("Errors", "The local cache is in use by another AskOnce window."),
        QT_TRANSLATE_NOOP("Errors", "Close the other AskOnce window and try again."),
        QT_TRANSLATE_NOOP("Errors", "The local cache is damaged."),
        QT_TRANSLATE_NOOP("Errors", "Ask IT for help; do not delete it yourself."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The local cache could not be written (disk or permission problem).",
        ),
        QT_TRANSLATE_NOOP("Errors", "Ask IT to check the workstation's disk."),
        QT_TRANSLATE_NOOP("Errors", "No local cache at {file}."),
        QT_TRANSLATE_NOOP("Errors", "This cache was written by a newer AskOnce."),
        QT_TRANSLATE_NOOP("Errors", "Update AskOnce."),
        QT_TRANSLATE_NOOP("Errors", "Nested transactions are not supported."),
        QT_TRANSLATE_NOOP("Errors", "The local cache cannot be opened with this key."),
        QT_TRANSLATE_NOOP("Errors", "Sign in online to restore access; the cache is kept."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider sent an unreadable answer ({what})."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider refused the sign-in ({code})."),
        QT_TRANSLATE_NOOP("Errors", "The sign-in answer came from another identity provider."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider sent no ID token."),
        QT_TRANSLATE_NOOP("Errors", "The refreshed sign-in belongs to someone else."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider answered {status} ({what})."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider refused the token request ({code})."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider sent no usable access token."),
        QT_TRANSLATE_NOOP("Errors", "The identity token was issued for another application."),
        QT_TRANSLATE_NOOP("Errors", "Your account has no {claim} entry."),
        QT_TRANSLATE_NOOP("Errors", "Ask IT to link your account to your staff record."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The identity provider names a different issuer than configured.",
        ),
        QT_TRANSLATE_NOOP("Errors", "Ask IT to check the oidc_issuer setting."),
        QT_TRANSLATE_NOOP("Errors", "Sign-in was cancelled at the identity provider."),
        QT_TRANSLATE_NOOP("Errors", "The sign-in answer did not match this sign-in (state)."),
        QT_TRANSLATE_NOOP("Errors", "Start the sign-in again."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider cannot be reached."),
        QT_TRANSLATE_NOOP("Errors", "Check the network and try again."),
        QT_TRANSLATE_NOOP("Errors", "Check the network; you can still work offline."),
        QT_TRANSLATE_NOOP("Errors", "Your sign-in has expired or was ended."),
        QT_TRANSLATE_NOOP("Errors", "Sign in online again."),
        QT_TRANSLATE_NOOP("Errors", "The identity token failed a check ({kind})."),
        QT_TRANSLATE_NOOP("Errors", "The server could not be searched for that patient."),
        QT_TRANSLATE_NOOP(
            "Errors", "Check the network and try again; if it keeps failing, tell IT."
        ),
        QT_TRANSLATE_NOOP(
            "Errors", "More than one patient on the server has that MRN; no access was given."
        ),
        QT_TRANSLATE_NOOP("Errors", "Ask IT to check the patient records."),
        QT_TRANSLATE_NOOP(
            "Errors", "This computer's clock is {minutes} minutes ahead of the sign-in server's."
        ),
        QT_TRANSLATE_NOOP(
            "Errors", "This computer's clock is {minutes} minutes behind the sign-in server's."
        ),
        QT_TRANSLATE_NOOP(
            "Errors", "Ask IT to set this computer's date and time; then sign in again."
        ),
        QT_TRANSLATE_NOOP("Errors", "Start the sign-in again; if it keeps failing, tell IT."),
        QT_TRANSLATE_NOOP("Errors", "Sign-in was cancelled."),
        QT_TRANSLATE_NOOP("Errors", "Sign-in took too long."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider does not offer {what}."),
        QT_TRANSLATE_NOOP("Errors", "The identity provider's keys are unreadable."),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The patient's reported answer was not recorded: the chart now holds another "
            "answer, or the report is no longer waiting.",
        ),
    )
)


def _translated(template: str, values: dict[str, object]) -> str:
    if not template:
        return ""
    english = template.format(**values) if values else template
    text = QtCore.QCoreApplication.translate("Errors", template)
    try:
        return text.format(**values) if values else text
    except (KeyError, IndexError, ValueError):
        log.warning("a translated error message has broken placeholders")
        return english


def error_text(exc: BaseException) -> str:
    """What to show for an error: a ``KnownError`` in the user's language; "" for any
    other (the caller then says in general words that something went wrong)."""
    if not isinstance(exc, KnownError):
        return ""
    message = _translated(exc.template, exc.values)
    hint = _translated(exc.hint_template, exc.values)
    return f"{message} {hint}".strip()
