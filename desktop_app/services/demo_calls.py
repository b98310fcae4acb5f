"""Demo data for call quality and traffic: evaluations, campaigns and PBX records over the
`demo --years` span (ctx.years).

The lines and agents demo steps run before this one after the merge; demo lines and agents are
created here only when none exist yet, so the step also runs on its own. Fax lines are neither
evaluated, called by the citizen watch, nor given voice calls.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, insert, select

from desktop_app.data.models import Agent, CallRecord, PhoneLine
from desktop_app.services import campaigns, evaluations, office_hours
from desktop_app.services.demo import DemoContext
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.periods import TUNIS
from desktop_app.services.scorecards import NA, NO, YES
from desktop_app.services.traffic import natural_key

_LINES = (
    ("+21671740000", "switchboard", "Standard de la municipalité / المحول", "Accueil"),
    ("+21680100321", "green", "Numéro vert / الرقم الأخضر", "Relations citoyens"),
    ("+21671740120", "direct", "État civil / الحالة المدنية", "État civil"),
    ("+21671740155", "direct", "Urbanisme / التهيئة العمرانية", "Urbanisme"),
)
_AGENTS = (
    ("نادية الغربي", "Nadia Gharbi", "201"), ("سامي الجزيري", "Sami Jaziri", "202"),
    ("منية بن يوسف", "Mounia Ben Youssef", "203"), ("أنيس الشابي", "Anis Chebbi", "204"),
    ("ريم العياري", "Rim Ayari", "205"), ("وليد القاسمي", "Walid Kasmi", "206"),
)  # fmt: skip
# Each agent's chance of meeting each criterion: a few clear coaching needs.
_PROFILES = (
    {"greeting": 0.95, "named_body": 0.9, "correct": 0.9},
    {"greeting": 0.6, "named_body": 0.55, "correct": 0.85},
    {"greeting": 0.97, "named_body": 0.95, "correct": 0.65},
    {"greeting": 0.9, "named_body": 0.85, "correct": 0.9, "special_category": 0.5},
    {"greeting": 0.98, "named_body": 0.97, "correct": 0.95},
    {"greeting": 0.8, "named_body": 0.7, "clear": 0.6, "courteous": 0.75},
)
# Citizen-watch volunteers without an account, named on the mystery calls they make (C8.7).
_WATCH = ("Hédi Mejri / الهادي الماجري", "Sonia Ferchichi / سنية الفرشيشي", "")
# Each comment with what it says about the call (criterion → answer): a comment is only written
# on an evaluation whose answers agree with it, so the demo never contradicts itself (14.13).
COMMENTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("Bon accueil, réponse précise.", {"greeting": YES, "correct": YES}),
    ("N'a pas nommé l'organisme.", {"named_body": NO}),
    ("لم يبادر بالتحية.", {"greeting": NO}),
    ("Information incomplète sur les pièces à fournir.", {"correct": NO}),
    ("معلومة دقيقة حسب الدليل.", {"correct": YES}),
    ("Appel transféré sans explication.", {"clear": NO}),
    ("", {}), ("", {}), ("", {}),
)  # fmt: skip


def _comment(ctx: DemoContext, answered: bool, answers: dict[str, str]) -> str:
    """A comment that agrees with the answers; none on a call nobody picked up."""
    if not answered:
        return ""
    fitting = [text for text, says in COMMENTS
               if all(answers.get(k) == v for k, v in says.items())]  # fmt: skip
    return ctx.rng.choice(fitting)


def _ensure_lines_and_agents(ctx: DemoContext) -> tuple[list[int], list[int]]:
    with ctx.db.write() as s:
        if not s.scalar(select(func.count(PhoneLine.id))):
            s.add_all(PhoneLine(number=n, kind=k, label=label, department=dept)
                      for n, k, label, dept in _LINES)  # fmt: skip
        if not s.scalar(select(func.count(Agent.id))):
            s.add_all(Agent(name_ar=ar, name_fr=fr, extension=ext, unit="Accueil",
                            active_from=date(2019, 9, 1)) for ar, fr, ext in _AGENTS)  # fmt: skip
        s.flush()
        lines = list(s.scalars(select(PhoneLine.id).where(
            PhoneLine.retired_at.is_(None), PhoneLine.kind.not_in(campaigns.NOT_CALLED_KINDS))
            .order_by(PhoneLine.id)))  # fmt: skip
        agents = list(s.scalars(select(Agent.id).where(Agent.active_to.is_(None))
                                .order_by(Agent.id)))  # fmt: skip
    return lines, agents


def _answers(ctx: DemoContext, profile: dict[str, float], month_gain: float) -> dict[str, str]:
    out = {}
    for key in ("greeting", "named_body", "clear", "correct", "courteous", "closing"):
        p = min(0.99, profile.get(key, 0.9) + month_gain)
        out[key] = YES if ctx.rng.random() < p else NO
    if ctx.rng.random() < 0.2:
        p = profile.get("special_category", 0.85)
        out["special_category"] = YES if ctx.rng.random() < p else NO
    else:
        out["special_category"] = NA
    # C8.2: directing the caller to the competent service, when the call needed it
    if ctx.rng.random() < 0.4:
        out["directed"] = YES if ctx.rng.random() < profile.get("directed", 0.85) else NO
    else:
        out["directed"] = NA
    return out


def _evaluation_step(ctx: DemoContext, lines: list[int], agents: list[int]) -> int:
    rng, count = ctx.rng, 0
    weeks = 52 * ctx.years
    start = ctx.now - timedelta(weeks=weeks)
    with ctx.db.write() as s:
        for week in range(weeks):
            for _ in range(rng.randint(4, 7)):
                index = rng.randrange(len(agents))
                day = (start + timedelta(weeks=week, days=rng.randrange(4))).astimezone(TUNIS)
                at = datetime.combine(day.date(), time(rng.randint(8, 16), rng.randrange(60)),
                                      TUNIS).astimezone(UTC)  # fmt: skip
                method = rng.choices(evaluations.METHODS, (6, 3, 1))[0]
                answered = rng.random() > (0.12 if method == "mystery" else 0.02)
                gain = week / weeks * 0.08  # coaching pays off a little over the span
                secs = int(rng.lognormvariate(2.6, 0.9))
                answers = _answers(ctx, _PROFILES[index % len(_PROFILES)], gain)
                evaluations.record_in(s, ctx.actor, EvaluationInput(
                    at=at, method=method, agent_id=agents[index] if answered else None,
                    line_id=rng.choice(lines), answered=answered,
                    pickup_seconds=secs if answered else None, answers=answers,
                    comment=_comment(ctx, answered, answers)))  # fmt: skip
                count += 1
    return count


def _campaign_step(ctx: DemoContext, lines: list[int], agents: list[int]) -> None:
    """A campaign per quarter of the span; past calls have results, the rest stay to make."""
    today = ctx.now.astimezone(TUNIS).date()
    for back in range(4 * ctx.years - 1, -1, -1):
        q_month = ((today.month - 1) // 3) * 3 + 1 - 3 * back
        year = today.year + (q_month - 1) // 12
        q_month = (q_month - 1) % 12 + 1
        first = date(year, q_month, 1)
        last = date(year + (q_month + 2) // 12, (q_month + 2) % 12 + 1, 1) - timedelta(days=1)
        name = f"Citoyen mystère {year}-T{(q_month - 1) // 3 + 1} / المواطن الرقيب"
        campaign = campaigns.plan(ctx.db, ctx.actor, name, first, last, 3, lines,
                                  seed=ctx.rng.randrange(10**6))  # fmt: skip
        for call in campaigns.campaign_calls(ctx.db, ctx.actor, campaign):
            if call.planned_at > ctx.now:
                continue
            answered = ctx.rng.random() > 0.15
            index = ctx.rng.randrange(len(agents))
            evaluations.record(ctx.db, ctx.actor, EvaluationInput(
                at=call.planned_at, method="mystery",
                agent_id=agents[index] if answered else None, line_id=call.line_id,
                answered=answered,
                pickup_seconds=int(ctx.rng.lognormvariate(2.8, 1.0)) if answered else None,
                answers=_answers(ctx, _PROFILES[index % len(_PROFILES)], 0.0),
                campaign_call_id=call.id, caller_name=ctx.rng.choice(_WATCH)))  # fmt: skip


# Relative call volume per local hour (peaks 9–11 h and after lunch) and per weekday.
_HOURLY = {7: 0.2, 8: 1.0, 9: 2.4, 10: 2.6, 11: 2.0, 12: 0.9, 13: 1.2, 14: 1.6, 15: 1.1,
           16: 0.7, 17: 0.3, 18: 0.15, 19: 0.1, 20: 0.05}  # fmt: skip
_WEEKDAY = (1.35, 1.1, 1.0, 0.95, 0.7, 0.12, 0.05)


def _records_step(ctx: DemoContext, lines: list[int]) -> int:
    rng = ctx.rng
    days = 365 * ctx.years
    first_year = (ctx.now - timedelta(days=days + 1)).astimezone(TUNIS).year
    with ctx.db.write() as s:
        numbers = dict(s.execute(select(PhoneLine.id, PhoneLine.number)
                                 .where(PhoneLine.id.in_(lines))).all())  # fmt: skip
        table = office_hours.load_for(s, range(first_year, ctx.now.year + 1))
    weights = [1.0 / (i + 1) for i in range(len(lines))]  # the switchboard takes most calls
    first_day = (ctx.now - timedelta(days=days)).astimezone(TUNIS).date()
    today = ctx.now.astimezone(TUNIS).date()
    rows: list[dict[str, object]] = []
    seq = 0
    day = first_day
    while day < today:
        base = 70 * _WEEKDAY[day.weekday()]
        for hour, share in _HOURLY.items():
            for _ in range(int(rng.gauss(base * share / 10, math.sqrt(base * share / 10) + 0.1))):
                seq += 1
                local = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)),
                                         TUNIS)  # fmt: skip
                start = local.astimezone(UTC)
                line_id = rng.choices(lines, weights)[0]
                open_now = office_hours.is_open(table, local)
                load = share / 2.6
                roll = rng.random()
                if not open_now:
                    disposition = "NO ANSWER" if roll < 0.85 else "CANCEL"
                elif roll < 0.02 + 0.05 * load:
                    disposition = "BUSY"
                elif roll < 0.05 + 0.12 * load:
                    disposition = rng.choice(("NO ANSWER", "CANCEL", "NO ANSWER"))
                else:
                    disposition = "ANSWERED"
                answered = disposition == "ANSWERED"
                ring = int(rng.lognormvariate(2.3 + load, 0.7)) if answered else None
                wait = ring if ring is not None else rng.randint(5, 60)
                talk = int(rng.lognormvariate(4.6, 0.6)) if answered else 0
                src = "2" + "".join(str(rng.randrange(10)) for _ in range(7))
                uniqueid = f"{int(start.timestamp())}.{seq}"
                dst, channel = numbers[line_id].removeprefix("+216"), f"SIP/topnet-{seq:08x}"
                rows.append({
                    # The importer's key (UTC start): the same call in a Master.csv is recognised.
                    "uniqueid": uniqueid, "natural_key": natural_key(start, src, dst, channel),
                    "start": start,
                    "answer": start + timedelta(seconds=wait) if answered else None,
                    "end": start + timedelta(seconds=wait + talk), "duration": wait + talk,
                    "billsec": talk, "disposition": disposition, "src": src,
                    "dst": dst, "dst_national": dst, "dcontext": "from-trunk", "channel": channel,
                    "dstchannel": "", "direction": "inbound", "line_id": line_id,
                    "answered": answered, "ring_seconds": ring, "party": "+216" + src,
                })  # fmt: skip
        day += timedelta(days=1)
    with ctx.db.write() as s:
        for i in range(0, len(rows), 5000):
            s.execute(insert(CallRecord), rows[i : i + 5000])
    return len(rows)


def demo_calls_step(ctx: DemoContext) -> None:
    lines, agents = _ensure_lines_and_agents(ctx)
    ctx.summary["call_evaluations"] = _evaluation_step(ctx, lines, agents)
    _campaign_step(ctx, lines, agents)
    ctx.summary["call_records"] = _records_step(ctx, lines)
