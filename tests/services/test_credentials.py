"""Mailbox passwords never fall back to an insecure store (data protection, C2.1 mailbox)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from desktop_app.services.credentials import keyring_status, load_secret, store_secret
from desktop_app.services.errors import UserError


def test_the_fail_backend_is_reported_and_nothing_is_stored() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keyring_status().secure
        with pytest.raises(UserError, match="no secure password store"):
            store_secret("imap:contact@example.gov.tn", "secret")
        assert load_secret("imap:contact@example.gov.tn") is None
    finally:
        keyring.set_keyring(previous)
