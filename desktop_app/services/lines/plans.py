"""Peak-period reinforcement plans (C8.4)."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import (
    ReinforcementPlan,
)
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.errors import UserError
from desktop_app.services.lines.common import _check_version, _clean, require_read
from desktop_app.services.lines.rows import PlanInput, PlanRow
from desktop_app.services.permissions import Actor, Perm


# -- peak-period reinforcement (C8.4) ---------------------------------------------------------
def _check_plan(plan: PlanInput) -> None:
    if not _clean(plan.title, 200):
        raise UserError(translate("lines", "Name the peak period (e.g. school enrolment)."))
    if plan.ends_on < plan.starts_on:
        raise UserError(translate("lines", "The peak period ends before it starts."))
    if plan.extra_lines < 0 or plan.extra_agents < 0:
        raise UserError(translate("lines", "Extra lines and agents cannot be negative."))
    if plan.extra_lines == 0 and plan.extra_agents == 0:
        raise UserError(
            translate("lines", "A reinforcement plan adds at least one line or one agent.")
        )


def _plan_row(p: ReinforcementPlan) -> PlanRow:
    return PlanRow(
        p.id,
        p.title,
        p.starts_on,
        p.ends_on,
        p.hours,
        p.extra_lines,
        p.extra_agents,
        p.notes,
        p.version,
    )


def save_plan(
    db: Database,
    actor: Actor,
    plan: PlanInput,
    *,
    plan_id: int | None = None,
    expected_version: int | None = None,
) -> PlanRow:
    actor.require(Perm.EDIT_LINES)
    _check_plan(plan)
    values = {
        "title": _clean(plan.title, 200),
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "hours": _clean(plan.hours, 64),
        "extra_lines": plan.extra_lines,
        "extra_agents": plan.extra_agents,
        "notes": str(plan.notes or "").strip(),
    }
    with db.write() as s:
        if plan_id is None:
            row = ReinforcementPlan(**values)
            s.add(row)
            before = None
        else:
            found = s.get(ReinforcementPlan, plan_id)
            if found is None:
                raise UserError(translate("lines", "This plan no longer exists."))
            row = found
            _check_version(row.version, expected_version or 0)
            before = {k: getattr(row, k) for k in values}
            for k, v in values.items():
                setattr(row, k, v)
        s.flush()
        audit.record(s, actor, "save", "reinforcement_plan", row.id, before=before, after=values)
        return _plan_row(row)


def delete_plan(db: Database, actor: Actor, plan_id: int) -> None:
    actor.require(Perm.EDIT_LINES)
    with db.write() as s:
        row = s.get(ReinforcementPlan, plan_id)
        if row is None:
            return
        audit.record(
            s,
            actor,
            "delete",
            "reinforcement_plan",
            plan_id,
            before={"title": row.title, "starts_on": row.starts_on},
        )
        s.delete(row)


def reinforcement_plans(db: Database, actor: Actor) -> list[PlanRow]:
    """Latest first; a few a year."""
    require_read(actor)
    with db.read() as s:
        stmt = select(ReinforcementPlan).order_by(
            ReinforcementPlan.starts_on.desc(), ReinforcementPlan.id.desc()
        )
        return [_plan_row(p) for p in s.scalars(stmt)]
