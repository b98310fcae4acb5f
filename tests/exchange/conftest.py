"""Real Dovecot and SMTP servers on loopback, once per test session (tests/helpers/mail_servers)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.mail_servers import (
    Dovecot,
    SmtpServer,
    dovecot_missing_reason,
    start_dovecot,
    start_smtp,
)
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    reason = dovecot_missing_reason()
    if reason:
        pytest.skip(reason)
    server = start_dovecot()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp_server(dovecot: Dovecot) -> Iterator[SmtpServer]:
    server = start_smtp(dovecot)
    yield server
    server.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
