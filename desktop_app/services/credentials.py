"""Secrets (the mailbox password) live in the system keyring, never in the database.

Where only keyring's `fail` backend or a plaintext one exists, nothing is stored and the user is
told why (Vorta's fallback into its own database is the mistake not to copy).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.i18n import translate
from desktop_app.services.errors import UserError

SERVICE = "istiqbal"
_INSECURE = ("fail", "null", "plaintext", "uncrypted", "unencrypted")


@dataclass(frozen=True)
class KeyringStatus:
    name: str
    secure: bool


def keyring_status() -> KeyringStatus:
    import keyring  # lazily: it probes back ends at import

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    secure = not any(word in name.lower() for word in _INSECURE) and backend.priority > 0
    return KeyringStatus(name, secure)


def store_secret(account: str, secret: str) -> None:
    status = keyring_status()
    if not status.secure:
        raise UserError(
            translate(
                "credentials",
                "This computer has no secure password store ({backend}); the password was not "
                "saved. Install a keyring (Windows Credential Manager, GNOME Keyring, KWallet).",
            ).format(backend=status.name)
        )
    import keyring

    keyring.set_password(SERVICE, account, secret)


def load_secret(account: str) -> str | None:
    if not keyring_status().secure:
        return None
    import keyring

    return keyring.get_password(SERVICE, account)
