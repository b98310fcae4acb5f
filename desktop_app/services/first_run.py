"""The first run: the administrator and the body's settings, written together or not at all."""

from __future__ import annotations

from desktop_app.data.db import Database
from desktop_app.i18n import translate
from desktop_app.services import auth, settings
from desktop_app.services.errors import UserError


def check_body(body_name_ar: str, body_name_fr: str, public_email: str) -> None:
    """The wizard's body page: both names, and an e-mail address that is one (or none)."""
    if not body_name_ar.strip() or not body_name_fr.strip():
        raise UserError(translate("first_run", "Enter the body's name in Arabic and in French."))
    settings.check_values({"public_email": public_email.strip()})


def complete_first_run(
    db: Database,
    *,
    username: str,
    full_name: str,
    password: str,
    body_name_ar: str,
    body_name_fr: str,
    public_email: str,
    language: str,
) -> auth.UserInfo:
    """One unit of work: a refused setting leaves no administrator behind (and vice versa).

    The body's names are required in both languages: they head every report (C8/2020, C2/2020).
    """
    check_body(body_name_ar, body_name_fr, public_email)
    body_name_ar, body_name_fr = body_name_ar.strip(), body_name_fr.strip()
    changes = {
        "body_name_ar": body_name_ar,
        "body_name_fr": body_name_fr,
        "public_email": public_email.strip(),
        "default_language": language,
    }
    settings.check_values(changes)  # every value is checked before anything is written
    with db.write() as s:
        admin = auth.add_first_admin(s, username, full_name, password)
        settings.save(s, admin.actor(), changes)
        return admin
