"""The particular categories of users (C8.6) the body keeps: list, add, rename, deactivate.

C8.6 names no category (it points to circular 18/2019), so the list is the body's: seeded with
people with disabilities and the elderly. Requests and training sessions store a category's
`code`; new entries may take only an active category, while an inactive one stays displayed and
reported for the past data that carries it. A category in use is never deleted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, TrainingSession, UserCategory
from desktop_app.i18n import current_language, translate
from desktop_app.services import audit
from desktop_app.services.errors import ConcurrentEdit, UserError
from desktop_app.services.permissions import Actor, Perm

# What the register import accepts for the seeded codes besides the names kept in the table
# (CONTRACTS §2).
CONTRACT_NAMES: dict[str, tuple[str, ...]] = {
    "disability": ("handicap", "personne handicapée", "ذوي الإعاقة", "حامل إعاقة"),
    "elderly": ("personne âgée", "senior", "كبار السن", "مسن"),
    "other": ("autre", "أخرى"),
}

# code -> (Arabic, French, active): the names the labels show, refreshed from the table by every
# call below that reads it, so category_label() needs no session.
_NAMES: dict[str, tuple[str, str, bool]] = {}


@dataclass(frozen=True)
class CategoryRow:
    code: str
    name_ar: str
    name_fr: str
    active: bool
    sort_order: int
    version: int
    in_use: int  # requests and training sessions that carry it

    def label(self, lang: str) -> str:
        return _name(self.code, self.name_ar, self.name_fr, lang)


def _english(code: str) -> str | None:
    return {
        "disability": translate("requests", "Person with a disability"),
        "elderly": translate("requests", "Elderly person"),
        "other": translate("requests", "Other particular category"),
    }.get(code)


def _name(code: str, name_ar: str, name_fr: str, lang: str) -> str:
    """The stored Arabic or French name; English shows the source name of a seeded category."""
    if lang == "ar" and name_ar:
        return name_ar
    if lang == "fr" and name_fr:
        return name_fr
    return _english(code) or name_fr or name_ar or code


def label(code: str | None, lang: str | None = None) -> str:
    """A category's name in the interface language; empty for none, the code when unknown."""
    if not code:
        return ""
    lang = lang or current_language()
    names = _NAMES.get(code)
    if names is None:
        return _english(code) or code
    return _name(code, names[0], names[1], lang)


def refresh(s: Session) -> list[CategoryRow]:
    """Read the list in order (in_use left at 0) and remember its names for label()."""
    c = UserCategory
    rows = [
        CategoryRow(*r, in_use=0)
        for r in s.execute(
            select(c.code, c.name_ar, c.name_fr, c.active, c.sort_order, c.version).order_by(
                c.sort_order, c.id
            )
        )
    ]
    global _NAMES
    # One rebinding, never a dict emptied then refilled: a worker thread (the register import's
    # preview) may refresh while the window reads labels.
    _NAMES = {r.code: (r.name_ar, r.name_fr, r.active) for r in rows}
    return rows


def codes(s: Session, *, active_only: bool = False) -> list[str]:
    """Every code in list order (past data included), or only those new entries may take."""
    return [r.code for r in refresh(s) if r.active or not active_only]


def _in_use(s: Session) -> dict[str, int]:
    used: dict[str, int] = {}
    for column in (CitizenRequest.category, TrainingSession.user_category):
        for code, n in s.execute(
            select(column, func.count()).where(column.is_not(None)).group_by(column)
        ):
            used[str(code)] = used.get(str(code), 0) + n
    return used


def list_categories(db: Database, actor: Actor) -> list[CategoryRow]:
    """The whole list, inactive ones included (their past data is still reported)."""
    actor.require_any(Perm.READ_ALL, Perm.EDIT_REQUESTS)
    with db.read() as s:
        used = _in_use(s)
        return [replace(r, in_use=used.get(r.code, 0)) for r in refresh(s)]


def options(
    db: Database, *, include: str | None = None, past_too: bool = False
) -> list[tuple[str, str]]:
    """(code, label) of the active categories, for a new entry; `include` keeps the value an
    entry already has offered even when it was deactivated since; `past_too` gives them all
    (a register filter finds past requests of an inactive category)."""
    with db.read() as s:
        rows = refresh(s)
    return [(r.code, label(r.code)) for r in rows if r.active or past_too or r.code == include]


def check_new(s: Session, code: str | None, *, keep: str | None = None) -> str | None:
    """None, or an active category's code; `keep` (the entry's current value) stays allowed."""
    if not code:
        return None
    row = s.scalar(select(UserCategory).where(UserCategory.code == code))
    if row is None:
        raise UserError(
            translate("user_categories", "“{code}” is not a particular category of users.").format(
                code=code
            )
        )
    if not row.active and code != keep:
        raise UserError(
            translate(
                "user_categories",
                "The category “{name}” is no longer in use; choose another one.",
            ).format(name=label(code))
        )
    return code


def aliases(db: Database) -> dict[str, Iterable[str]]:
    """What the register import accepts for each code: CONTRACTS §2 names and the table's
    Arabic and French names (inactive categories too: a register holds past requests)."""
    with db.read() as s:
        rows = refresh(s)
    out: dict[str, list[str]] = {code: list(names) for code, names in CONTRACT_NAMES.items()}
    for r in rows:
        out.setdefault(r.code, []).extend([r.name_ar, r.name_fr])
    return dict(out)


# -- edits (C8.6: administrator or reception supervisor) -------------------------------------------
def _require_edit(actor: Actor) -> None:
    actor.require(Perm.MANAGE_REQUESTS)


def _clean_names(s: Session, name_ar: str, name_fr: str, code: str | None) -> tuple[str, str]:
    ar, fr = " ".join(name_ar.split()), " ".join(name_fr.split())
    if not ar or not fr:
        raise UserError(
            translate("user_categories", "Give the category its Arabic and its French name.")
        )
    if len(ar) > 200 or len(fr) > 200:
        raise UserError(translate("user_categories", "A name has at most 200 characters."))
    for other in s.scalars(select(UserCategory).where(UserCategory.code != (code or ""))):
        if other.name_ar.casefold() == ar.casefold() or other.name_fr.casefold() == fr.casefold():
            raise UserError(translate("user_categories", "Another category already has this name."))
    return ar, fr


def _new_code(s: Session, name_fr: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name_fr).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:12] or "category"
    taken = set(s.scalars(select(UserCategory.code)))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def _get(s: Session, code: str, version: int) -> UserCategory:
    row = s.scalar(select(UserCategory).where(UserCategory.code == code))
    if row is None or row.version != version:
        raise ConcurrentEdit(
            translate(
                "user_categories",
                "Someone else changed the list of categories meanwhile; it was reloaded.",
            )
        )
    return row


def add(db: Database, actor: Actor, *, name_ar: str, name_fr: str) -> str:
    """A new active category at the end of the list; returns its code."""
    _require_edit(actor)
    with db.write() as s:
        ar, fr = _clean_names(s, name_ar, name_fr, None)
        last = s.scalar(select(func.max(UserCategory.sort_order))) or 0
        row = UserCategory(code=_new_code(s, fr), name_ar=ar, name_fr=fr, active=True,
                           sort_order=last + 1)  # fmt: skip
        s.add(row)
        s.flush()
        audit.record(s, actor, "create", "user_category", row.code,
                     after={"name_ar": ar, "name_fr": fr})  # fmt: skip
        refresh(s)
        return row.code


def rename(
    db: Database, actor: Actor, code: str, *, name_ar: str, name_fr: str, version: int
) -> None:
    """New names for the same category: past requests show the new name too."""
    _require_edit(actor)
    with db.write() as s:
        row = _get(s, code, version)
        ar, fr = _clean_names(s, name_ar, name_fr, code)
        before = {"name_ar": row.name_ar, "name_fr": row.name_fr}
        row.name_ar, row.name_fr = ar, fr
        s.flush()
        audit.record(s, actor, "update", "user_category", code, before=before,
                     after={"name_ar": ar, "name_fr": fr})  # fmt: skip
        refresh(s)


def set_active(db: Database, actor: Actor, code: str, active: bool, *, version: int) -> None:
    """Deactivate (no longer offered for new entries, still reported) or bring back."""
    _require_edit(actor)
    with db.write() as s:
        row = _get(s, code, version)
        if row.active == active:
            return
        if (
            not active
            and s.scalar(select(func.count()).select_from(UserCategory).where(UserCategory.active))
            == 1
        ):
            raise UserError(
                translate("user_categories", "Keep at least one category in use (C8.6).")
            )
        row.active = active
        s.flush()
        audit.record(s, actor, "update", "user_category", code, before={"active": not active},
                     after={"active": active})  # fmt: skip
        refresh(s)


def delete(db: Database, actor: Actor, code: str, *, version: int) -> None:
    """Remove a category nothing carries (one added by mistake); one in use is only deactivated,
    so the reports keep counting past data under its name."""
    _require_edit(actor)
    with db.write() as s:
        row = _get(s, code, version)
        if _in_use(s).get(code):
            raise UserError(
                translate(
                    "user_categories",
                    "“{name}” is carried by past requests or training sessions: deactivate it "
                    "instead, so that the reports keep counting them.",
                ).format(name=label(code))
            )
        if (
            row.active
            and s.scalar(select(func.count()).select_from(UserCategory).where(UserCategory.active))
            == 1
        ):
            raise UserError(
                translate("user_categories", "Keep at least one category in use (C8.6).")
            )
        before = {"name_ar": row.name_ar, "name_fr": row.name_fr, "active": row.active}
        s.delete(row)
        s.flush()
        audit.record(s, actor, "delete", "user_category", code, before=before)
        refresh(s)
