"""Settings' mailboxes (C2.1): the dialog saves through the service with the password in the
keyring only, refuses where only an insecure store exists, and the status bar shows the fetch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.data.types import utcnow
from desktop_app.services.mail import mailboxes
from desktop_app.ui.dialogs.mailbox_dialog import MailboxDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.settings_page import SettingsPage
from desktop_app.ui.state import AppState
from tests.helpers.memory_keyring import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def fill(dialog: MailboxDialog) -> None:
    dialog.address.setText("Bureau@Commune.tn")
    dialog.imap_host.setText("mail.commune.tn")
    dialog.smtp_host.setText("mail.commune.tn")
    dialog.password.setText("secret")
    dialog.published["letters"].setChecked(True)


def test_the_dialog_saves_the_mailbox_and_the_password_goes_to_the_keyring(
    qtbot: QtBot, state: AppState, memory: MemoryKeyring
) -> None:
    dialog = MailboxDialog(state)
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.save()
    [saved] = mailboxes.list_mailboxes(state.db, state.actor)
    assert saved.address == "bureau@commune.tn"
    assert saved.published_on == ("website", "letters")
    assert memory.secrets == {("istiqbal", "mail:bureau@commune.tn"): "secret"}
    page = SettingsPage(state)
    qtbot.addWidget(page)
    assert page.mailboxes.list.count() == 1


def test_without_a_secure_keyring_nothing_is_saved_and_the_sentence_says_why(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or 0)
    try:
        dialog = MailboxDialog(state)
        qtbot.addWidget(dialog)
        fill(dialog)
        dialog.save()
    finally:
        keyring.set_keyring(previous)
    assert mailboxes.list_mailboxes(state.db, state.actor) == []
    assert seen and "no secure password store" in seen[0] and "Install" in seen[0]


def test_the_status_bar_shows_the_last_fetch(
    qtbot: QtBot, state: AppState, memory: MemoryKeyring
) -> None:
    saved = mailboxes.save_mailbox(state.db, state.actor, mailboxes.MailboxConfig(
        address="a@commune.tn", imap_host="h.tn", smtp_host="h.tn"), password="x")  # fmt: skip
    assert saved.id is not None
    with state.db.write() as s:
        mailboxes.record_fetch(s, saved.id, "INBOX", now=utcnow(), ok=False,
                               outcome="The IMAP server h.tn refused the password.")  # fmt: skip
    window = MainWindow(state)
    qtbot.addWidget(window)
    assert "failed" in window.mail_fetcher.label.text()
    assert "refused the password" in window.mail_fetcher.label.text()


def test_a_request_from_mail_shows_its_thread_and_mail_actions(
    qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    from desktop_app.exchange.mail.files import import_messages
    from desktop_app.services.mail import views
    from desktop_app.ui.dialogs.request_dialog import RequestDialog
    from tests.helpers.mail_data import message

    path = tmp_path / "m.eml"
    path.write_bytes(message(name="Hédi", subject="=HYPERLINK(\"x\")", body="Bonjour",
                             attachments=[("acte.pdf", b"%PDF")]))  # fmt: skip
    result = import_messages(state.db, state.actor, path)
    [request_id] = result.request_ids
    dialog = RequestDialog(state, request_id)
    qtbot.addWidget(dialog)
    assert dialog.mail_box is not None
    assert '=HYPERLINK("x")' in dialog.detail_texts()  # shown as text, never evaluated
    [view] = views.thread_of(state.db, state.actor, request_id)
    assert "Subject: =HYPERLINK" in view.headers_text and view.body_text == "Bonjour"
    assert [a.filename for a in view.attachments] == ["acte.pdf"]
    assert views.attachment_data(state.db, state.actor, view.attachments[0].id) == (
        "acte.pdf", b"%PDF")  # fmt: skip


def test_an_administrator_edits_the_letters_in_both_languages(
    qtbot: QtBot, state: AppState
) -> None:
    from desktop_app.services import settings
    from desktop_app.ui.dialogs.mail_templates_dialog import MailTemplatesDialog

    dialog = MailTemplatesDialog(state)
    qtbot.addWidget(dialog)
    dialog.which.setCurrentIndex(dialog.which.findData("notice.fr"))
    assert "{reference}" in dialog.subject.text()
    dialog.body.setPlainText("Votre demande {reference} attend : {detail}.")
    dialog.which.setCurrentIndex(dialog.which.findData("notice.ar"))
    dialog.subject.setText("إعلام {reference}")
    dialog.save()
    values = settings.get_all(state.db)
    assert values["mail_template.notice.fr.body"] == "Votre demande {reference} attend : {detail}."
    assert values["mail_template.notice.ar.subject"] == "إعلام {reference}"


def test_a_request_from_mail_opens_tall_enough_for_its_facts_c2_1(
    qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    """A fixed 720x560 minimum let the window open shorter than its rows need (the first size
    is capped to two thirds of the screen): the facts were drawn over one another."""
    from PySide6.QtWidgets import QFormLayout

    from desktop_app.exchange.mail.files import import_messages
    from desktop_app.ui.dialogs.request_dialog import RequestDialog
    from tests.helpers.mail_data import message

    path = tmp_path / "m.eml"
    path.write_bytes(message(name="Hédi", body="Bonjour"))
    [request_id] = import_messages(state.db, state.actor, path).request_ids
    dialog = RequestDialog(state, request_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(720, 560)  # what a 1366x768 screen gave it; it may not be smaller than needed
    needed = dialog.layout().minimumSize()
    assert dialog.height() >= needed.height() and dialog.width() >= needed.width()
    assert needed.height() <= 700  # still fits a 1366x768 screen under a title bar
    facts = dialog.facts
    assert isinstance(facts, QFormLayout)
    for row in range(facts.rowCount()):
        label = facts.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if label is not None and label.widget() is not None:
            widget = label.widget()
            assert widget.height() >= widget.sizeHint().height()  # not squeezed
