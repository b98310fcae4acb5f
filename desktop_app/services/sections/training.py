"""The report's "training" sheet and the dashboard's to-do lists for agents (C8.3, C8.5, C8.6).

Sheet: training per agent and topic (hours attended in P beside the previous period), the
sessions of P, the guides library with acknowledgement counts, the legal updates of P with the
active agents not yet informed, and the awards and ranking of P (C8.5 «حفز المتميزين»).
Action lists: agents not trained per the plan, guides out of date, agents who have not read the
current guide, missing or broken equipment, legal updates not yet passed on to every agent.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select

from desktop_app.data.models import (
    Agent,
    LegalUpdate,
    LegalUpdateNotice,
    TrainingAttendance,
    TrainingSession,
)
from desktop_app.i18n import localized_name, translate
from desktop_app.services import (
    equipment,
    guides,
    legal_updates,
    recognition,
    training,
    user_categories,
)
from desktop_app.services.agents_common import TOPICS, active_on, topic_label
from desktop_app.services.periods import local_date
from desktop_app.services.sections import (
    ActionList,
    ChartSpec,
    ReportSection,
    ReportTable,
    SectionContext,
    action_list,
    report_section,
)

FIRST_ITEMS = 5


def _hours_by_agent_topic(
    ctx: SectionContext, first: date, last: date
) -> dict[int, dict[str, float]]:
    rows = ctx.session.execute(
        select(
            TrainingAttendance.agent_id,
            TrainingSession.topic,
            func.sum(TrainingSession.duration_hours),
        )
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(
            TrainingAttendance.attended.is_(True),
            TrainingSession.held_on >= first,
            TrainingSession.held_on <= last,
        )
        .group_by(TrainingAttendance.agent_id, TrainingSession.topic)
    ).all()
    out: dict[int, dict[str, float]] = defaultdict(dict)
    for agent_id, topic, hours in rows:
        out[agent_id][topic] = float(hours or 0.0)
    return out


def _today(ctx: SectionContext) -> date:
    """Plan and guide status are judged at the period's end, or now if that comes first."""
    return min(local_date(ctx.as_of), ctx.period.last_day)


@report_section("training")
def training_section(ctx: SectionContext) -> ReportSection:
    s, p, prev = ctx.session, ctx.period, ctx.previous
    agents = s.execute(
        select(Agent.id, Agent.name_ar, Agent.name_fr, Agent.staff_number)
        .where(active_on(p.last_day) | active_on(p.first_day))
        .order_by(Agent.name_fr, Agent.id)
    ).all()
    now = _hours_by_agent_topic(ctx, p.first_day, p.last_day)
    before = _hours_by_agent_topic(ctx, prev.first_day, prev.last_day)
    per_agent = ReportTable(
        title=translate("training", "Training hours per agent and topic"),
        headers=[
            translate("training", "Agent"),
            translate("training", "Staff number"),
            *[topic_label(t) for t in TOPICS],
            translate("training", "Total"),
            translate("training", "Previous period"),
        ],
        rows=[
            [
                localized_name(a.name_ar, a.name_fr, ctx.lang),
                a.staff_number or "",
                *[round(now[a.id].get(t, 0.0), 1) for t in TOPICS],
                round(sum(now[a.id].values()), 1),
                round(sum(before[a.id].values()), 1),
            ]
            for a in agents
        ],
        number_formats={i: "0.0" for i in range(2, 2 + len(TOPICS) + 2)},
        note=translate("training", "Hours of sessions attended in the period (C8.5, C8.6)."),
    )
    sessions = s.execute(
        select(
            TrainingSession.held_on,
            TrainingSession.title,
            TrainingSession.topic,
            TrainingSession.duration_hours,
            TrainingSession.trainer,
            TrainingSession.remote,
            func.count(TrainingAttendance.id),
        )
        .outerjoin(
            TrainingAttendance,
            (TrainingAttendance.session_id == TrainingSession.id)
            & TrainingAttendance.attended.is_(True),
        )
        .where(TrainingSession.held_on >= p.first_day, TrainingSession.held_on <= p.last_day)
        .group_by(TrainingSession.id)
        .order_by(TrainingSession.held_on, TrainingSession.id)
    ).all()
    on_site, remote = translate("training", "On site"), translate("training", "Remote")
    session_table = ReportTable(
        title=translate("training", "Sessions held"),
        headers=[
            translate("training", "Date"),
            translate("training", "Title"),
            translate("training", "Topic"),
            translate("training", "Hours"),
            translate("training", "Trainer"),
            translate("training", "Mode"),
            translate("training", "Attended"),
        ],
        rows=[
            [r[0], r[1], topic_label(r[2]), r[3], r[4], remote if r[5] else on_site, r[6]]
            for r in sessions
        ],
        number_formats={0: "dd/mm/yyyy", 3: "0.0"},
    )
    by_topic_now: defaultdict[str, float] = defaultdict(float)
    by_topic_prev: defaultdict[str, float] = defaultdict(float)
    for hours in now.values():
        for t, h in hours.items():
            by_topic_now[t] += h
    for hours in before.values():
        for t, h in hours.items():
            by_topic_prev[t] += h
    topic_table = ReportTable(
        title=translate("training", "Person-hours per topic"),
        headers=[
            translate("training", "Topic"),
            translate("training", "Period"),
            translate("training", "Previous period"),
        ],
        rows=[
            [topic_label(t), round(by_topic_now[t], 1), round(by_topic_prev[t], 1)] for t in TOPICS
        ],
        number_formats={1: "0.0", 2: "0.0"},
        chart=ChartSpec(
            "bar",
            translate("training", "Person-hours per topic"),
            0,
            [1, 2],
            translate("training", "Hours"),
        ),
    )
    today = _today(ctx)
    guide_rows = guides.guides_in(s, today)
    yes, no = translate("training", "Yes"), translate("training", "No")
    guide_table = ReportTable(
        title=translate("training", "Reference guides and procedure manuals"),
        headers=[
            translate("training", "Title"),
            translate("training", "Kind"),
            translate("training", "Version"),
            translate("training", "Reviewed on"),
            translate("training", "Next review"),
            translate("training", "Out of date"),
            translate("training", "Agents who read this version"),
            translate("training", "Active agents"),
        ],
        rows=[
            [
                g.title,
                guides.kind_label(g.kind),
                g.doc_version,
                g.reviewed_on,
                g.next_review_on,
                yes if g.outdated else no,
                g.acknowledged,
                g.active_agents,
            ]
            for g in guide_rows
        ],
        number_formats={3: "dd/mm/yyyy", 4: "dd/mm/yyyy"},
        note=translate("training", "C8.3: the same right answer whoever answers."),
    )
    updates = s.execute(
        select(
            LegalUpdate.id,
            LegalUpdate.published_on,
            LegalUpdate.reference,
            LegalUpdate.summary,
            func.count(LegalUpdateNotice.id),
        )
        .outerjoin(LegalUpdateNotice, LegalUpdateNotice.update_id == LegalUpdate.id)
        .where(LegalUpdate.published_on >= p.first_day, LegalUpdate.published_on <= p.last_day)
        .group_by(LegalUpdate.id)
        .order_by(LegalUpdate.published_on)
    ).all()
    update_table = ReportTable(
        title=translate("training", "Legal and procedural updates"),
        headers=[
            translate("training", "Date"),
            translate("training", "Reference"),
            translate("training", "Summary"),
            translate("training", "Agents informed"),
            translate("training", "Active agents not yet informed"),
        ],
        rows=[[*r[1:], _uninformed_names(ctx, r[0], today)] for r in updates],
        number_formats={0: "dd/mm/yyyy"},
    )
    return ReportSection(
        "training",
        translate("training", "Training"),
        [
            per_agent,
            topic_table,
            _categories_table(ctx),
            session_table,
            guide_table,
            update_table,
            *_recognition_tables(ctx),
        ],  # fmt: skip
    )


def _categories_table(ctx: SectionContext) -> ReportTable:
    """C8.6: for each particular category of the body's list, the active agents who attended, by
    the end of P, a session on serving it (or one on serving them all). A deactivated category
    still appears while a session named it."""
    s, today = ctx.session, _today(ctx)
    active = set(s.scalars(select(Agent.id).where(active_on(today))))
    rows = s.execute(
        select(TrainingSession.user_category, TrainingAttendance.agent_id)
        .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
        .where(
            TrainingSession.topic == "special_categories",
            TrainingSession.held_on <= today,
            TrainingAttendance.attended.is_(True),
        )
    ).all()
    trained: defaultdict[str | None, set[int]] = defaultdict(set)
    for code, agent_id in rows:
        trained[code].add(agent_id)
    listed = user_categories.refresh(s)
    return ReportTable(
        title=translate("training", "Agents trained to serve each particular category (C8.6)"),
        headers=[
            translate("training", "Particular category"),
            translate("training", "Active agents trained"),
            translate("training", "Active agents"),
        ],
        rows=[
            [c.label(ctx.lang), len((trained[c.code] | trained[None]) & active), len(active)]
            for c in listed
            if c.active or trained.get(c.code)
        ],
        note=translate(
            "training",
            "A session on serving all particular categories counts for each of them.",
        ),
    )


def _uninformed_names(ctx: SectionContext, update_id: int, today: date) -> str:
    """C8.5: the active agents not yet told of a legal or procedural update, by name."""
    rows = legal_updates.not_informed_in(ctx.session, update_id, today)
    return ", ".join(_name(ctx, r.name_ar, r.name_fr) for r in rows)


RANKED = 10


def _recognition_tables(ctx: SectionContext) -> list[ReportTable]:
    """C8.5 «حفز المتميزين»: the awards given for the period and the ranking they came from."""
    from desktop_app.data.models import Recognition

    p = ctx.period
    awards = ctx.session.execute(
        select(Agent.name_ar, Agent.name_fr, Recognition.award, Recognition.reason,
               Recognition.awarded_on)
        .join(Agent, Agent.id == Recognition.agent_id)
        .where((Recognition.period == p.text)
               | ((Recognition.awarded_on >= p.first_day) & (Recognition.awarded_on <= p.last_day)))
        .order_by(Recognition.awarded_on, Recognition.id)
    ).all()  # fmt: skip
    award_table = ReportTable(
        title=translate("training", "Awards to outstanding agents (C8.5)"),
        headers=[
            translate("training", "Agent"),
            translate("training", "Award"),
            translate("training", "Reason"),
            translate("training", "Date"),
        ],
        rows=[[_name(ctx, a, f), award, reason, on] for a, f, award, reason, on in awards],
        number_formats={3: "dd/mm/yyyy"},
    )
    ranked = recognition.ranking_in(ctx.session, p)[:RANKED]
    ranking_table = ReportTable(
        title=translate("training", "Ranking of the agents (C8.5)"),
        headers=[
            translate("training", "Rank"),
            translate("training", "Agent"),
            translate("training", "Composite score"),
            translate("training", "Training hours"),
            translate("training", "Assessment"),
            translate("training", "Awards"),
        ],
        rows=[
            [i + 1, _name(ctx, c.name_ar, c.name_fr), c.composite, c.hours, c.assessment, c.awards]
            for i, c in enumerate(ranked)
        ],  # fmt: skip
        number_formats={2: "0.0", 3: "0.0", 4: "0.0"},
        note=translate(
            "training", "The ranking the awards were chosen from: the best {n} of the period."
        ).format(n=RANKED),
    )
    return [award_table, ranking_table]


@action_list("legal_updates_uninformed")
def legal_updates_uninformed(ctx: SectionContext) -> ActionList:
    """C8.5: legal updates some active agent has not yet been told of, newest first."""
    today = _today(ctx)
    items: list[str] = []
    count = 0
    for update_id, reference in ctx.session.execute(
        select(LegalUpdate.id, LegalUpdate.reference)
        .where(LegalUpdate.published_on <= today)
        .order_by(LegalUpdate.published_on.desc(), LegalUpdate.id.desc())
    ):
        missing = legal_updates.not_informed_in(ctx.session, update_id, today)
        if not missing:
            continue
        count += 1
        if len(items) < FIRST_ITEMS:
            names = ", ".join(_name(ctx, m.name_ar, m.name_fr) for m in missing[:4])
            more = len(missing) - 4
            items.append(
                translate("training", "{reference}: not yet told to {names}").format(
                    reference=reference, names=names + (f" (+{more})" if more > 0 else "")
                )
            )
    return ActionList(
        "legal_updates_uninformed",
        translate("training", "Legal updates not yet passed on to every agent"),
        count,
        items,
        "training",
        {"tab": "updates"},
    )


def _name(ctx: SectionContext, name_ar: str, name_fr: str) -> str:
    return localized_name(name_ar, name_fr, ctx.lang)


@action_list("training_plan")
def not_trained(ctx: SectionContext) -> ActionList:
    gaps = training.plan_gaps_in(ctx.session, _today(ctx))
    items = [
        translate("training", "{agent}: {rule}, due since {date}").format(
            agent=_name(ctx, g.name_ar, g.name_fr),
            rule=g.rule_name,
            date=g.due_on.strftime("%d/%m/%Y"),
        )
        for g in gaps[:FIRST_ITEMS]
    ]
    return ActionList(
        "training_plan",
        translate("training", "Agents not trained per the plan"),
        len(gaps),
        items,
        "training",
        {"tab": "plan"},
    )


@action_list("guides_outdated")
def outdated_guides(ctx: SectionContext) -> ActionList:
    rows = [g for g in guides.guides_in(ctx.session, _today(ctx)) if g.outdated]
    items = [
        translate("training", "{title} (version {version}), review due {date}").format(
            title=g.title, version=g.doc_version, date=g.next_review_on.strftime("%d/%m/%Y")
        )
        for g in rows[:FIRST_ITEMS]
    ]
    return ActionList(
        "guides_outdated",
        translate("training", "Guides out of date"),
        len(rows),
        items,
        "training",
        {"tab": "guides", "outdated": True},
    )


@action_list("guides_unread")
def unread_guides(ctx: SectionContext) -> ActionList:
    rows = guides.unread_in(ctx.session, _today(ctx))
    agents = {r.agent_id for r in rows}
    items = [
        translate("training", "{agent} has not read {title} (version {version})").format(
            agent=_name(ctx, r.name_ar, r.name_fr), title=r.title, version=r.doc_version
        )
        for r in rows[:FIRST_ITEMS]
    ]
    return ActionList(
        "guides_unread",
        translate("training", "Agents who have not read the current guide"),
        len(agents),
        items,
        "training",
        {"tab": "guides", "unread": True},
    )


@action_list("equipment_missing")
def missing_equipment(ctx: SectionContext) -> ActionList:
    rows = equipment.problems_in(ctx.session)
    items = [
        translate("training", "{post}: {item} — {condition}").format(
            post=r.post_name,
            item=equipment.kind_label(r.kind),
            condition=equipment.condition_label(r.condition),
        )
        for r in rows[:FIRST_ITEMS]
    ]
    return ActionList(
        "equipment_missing",
        translate("training", "Missing or broken equipment"),
        len(rows),
        items,
        "training",
        {"tab": "equipment", "problems": True},
    )
