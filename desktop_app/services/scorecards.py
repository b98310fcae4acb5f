"""The call scorecard (C8.2, C8.3, C8.6, C8.7): weighted criteria, versions, and the score rule.

Editing the scorecard writes a new version; evaluations keep the version they were scored
against, so past scores never change. A criterion answered "not applicable" does not count:
score = 100 × weight of the "yes" answers / weight of the "yes" and "no" answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Scorecard, ScorecardCriterion
from desktop_app.i18n import translate
from desktop_app.services import audit, user_categories
from desktop_app.services.errors import UserError, require_version
from desktop_app.services.permissions import Actor, Perm

YES, NO, NA = "yes", "no", "na"
VALUES = (YES, NO, NA)
# The training topics shared with the agents area (helper brief): exact keys.
TOPICS = ("reception", "legal", "special_categories", "equipment", "other")
# Criteria whose meaning the indicators of CONTRACTS.md §3 rely on.
PICKUP, GREETING, NAMED_BODY = "pickup", "greeting", "named_body"
DIRECTED = "directed"  # C8.2 «حسن توجيه المتصلين وإرشادهم», added as scorecard version 2
SPECIAL_CATEGORY = "special_category"  # C8.6: judged against the body's list of categories


def topic_label(topic: str) -> str:
    labels = {
        "reception": translate("calls", "Reception and guidance techniques"),
        "legal": translate("calls", "Legal and procedural update"),
        "special_categories": translate("calls", "Serving particular categories of users"),
        "equipment": translate("calls", "Equipment and tools"),
        "other": translate("calls", "Other"),
    }
    return labels.get(topic, topic)


def default_label(key: str) -> str | None:
    """English source names of the default criteria, translated; None for a custom criterion."""
    labels = {
        PICKUP: translate("calls", "Picked up in time"),
        GREETING: translate("calls", "Greeted first"),
        NAMED_BODY: translate("calls", "Named the body"),
        "clear": translate("calls", "Information clear"),
        "correct": translate("calls", "Information correct (reference guide)"),
        "courteous": translate("calls", "Courteous"),
        "special_category": translate("calls", "Particular category served well"),
        "closing": translate("calls", "Proper closing"),
        "directed": translate("calls", "Directed the caller to the competent service"),
    }
    return labels.get(key)


@dataclass(frozen=True)
class Criterion:
    id: int | None
    key: str
    label_ar: str
    label_fr: str
    weight: int
    training_topic: str
    may_be_na: bool

    def label(self, lang: str) -> str:
        """The stored name in Arabic or French; English shows the source name of a default."""
        if lang == "ar" and self.label_ar:
            return self.label_ar
        if lang == "fr" and self.label_fr:
            return self.label_fr
        return default_label(self.key) or self.label_fr or self.label_ar or self.key


@dataclass(frozen=True)
class ScorecardInfo:
    id: int
    number: int
    criteria: tuple[Criterion, ...]

    def by_key(self) -> dict[str, Criterion]:
        return {c.key: c for c in self.criteria}


def score(criteria: Sequence[Criterion], answers: Mapping[str, str]) -> float | None:
    """0–100 with one decimal; None when every criterion was not applicable."""
    counted = [c for c in criteria if answers.get(c.key) in (YES, NO)]
    total = sum(c.weight for c in counted)
    if total == 0:
        return None
    got = sum(c.weight for c in counted if answers[c.key] == YES)
    return round(100.0 * got / total, 1)


def _criterion(row: ScorecardCriterion) -> Criterion:
    return Criterion(row.id, row.key, row.label_ar, row.label_fr, row.weight, row.training_topic,
                     row.may_be_na)  # fmt: skip


def load(session: Session, scorecard_id: int | None = None) -> ScorecardInfo:
    """The given version, or the one in use (the highest number)."""
    if scorecard_id is None:
        card = session.scalar(select(Scorecard).order_by(Scorecard.number.desc()).limit(1))
    else:
        card = session.get(Scorecard, scorecard_id)
    if card is None:
        raise UserError(translate("calls", "There is no scorecard yet; ask an administrator."))
    rows = session.scalars(
        select(ScorecardCriterion)
        .where(ScorecardCriterion.scorecard_id == card.id)
        .order_by(ScorecardCriterion.position)
    )
    return ScorecardInfo(card.id, card.number, tuple(_criterion(r) for r in rows))


def criterion_hint(db: Database, key: str) -> str:
    """What an evaluator reads beside a criterion: for C8.6's, the particular categories of users
    in the body's list today (Settings), so "served well" is judged against the same list the
    requests and the training use."""
    if key != SPECIAL_CATEGORY:
        return ""
    names = [name for _code, name in user_categories.options(db)]
    return translate("calls", "Particular categories of users: {names}.").format(
        names=", ".join(names)
    )


def current(db: Database, actor: Actor) -> ScorecardInfo:
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        return load(s)


def _validate(criteria: Sequence[Criterion]) -> None:
    if not criteria:
        raise UserError(translate("calls", "A scorecard needs at least one criterion."))
    seen: set[str] = set()
    for c in criteria:
        name = c.label_fr or c.label_ar or c.key
        if not c.key.strip() or not (c.label_ar.strip() or c.label_fr.strip()):
            raise UserError(translate("calls", "Every criterion needs a name."))
        if c.key in seen:
            raise UserError(
                translate("calls", "The criterion “{name}” appears twice.").format(name=name)
            )
        seen.add(c.key)
        if not 1 <= c.weight <= 100:
            raise UserError(
                translate("calls", "The weight of “{name}” must be between 1 and 100.").format(
                    name=name
                )
            )
        if c.training_topic not in TOPICS:
            raise UserError(
                translate("calls", "“{topic}” is not a training topic.").format(
                    topic=c.training_topic
                )
            )


def save_new_version(
    db: Database, actor: Actor, criteria: Sequence[Criterion], *, expected_number: int,
    note: str = "",
) -> ScorecardInfo:  # fmt: skip
    """Write the edited criteria as the next version; past evaluations keep theirs."""
    actor.require(Perm.EDIT_SCORECARD)
    _validate(criteria)
    with db.write() as s:
        latest = s.scalar(select(func.max(Scorecard.number))) or 0
        require_version(
            latest,
            expected_number,
            lambda: translate(
                "calls", "The scorecard was changed by someone else meanwhile; reopen it."
            ),
        )
        before = load(s) if latest else None
        card = Scorecard(number=latest + 1, note=note, created_by=actor.username)
        s.add(card)
        s.flush()
        for position, c in enumerate(criteria):
            s.add(ScorecardCriterion(
                scorecard_id=card.id, position=position, key=c.key.strip(),
                label_ar=c.label_ar.strip(), label_fr=c.label_fr.strip(), weight=c.weight,
                training_topic=c.training_topic, may_be_na=c.may_be_na,
            ))  # fmt: skip
        s.flush()
        audit.record(
            s, actor, "create", "scorecard", card.id,
            before={"criteria": [(c.key, c.weight) for c in before.criteria]} if before else None,
            after={"number": card.number, "criteria": [(c.key, c.weight) for c in criteria]},
        )  # fmt: skip
        return load(s, card.id)
