"""Demo call-backs (C2.4): callers who try again, are called back through the PBX or from a
mobile, or are still waiting — so yesterday's list has people in it and the indicators move.

Runs after the call records' demo step; older missed calls are mostly reached, last week's less,
yesterday's hardly yet (the supervisor's morning job).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select

from desktop_app.data.models import CallBack, CallRecord, PhoneLine
from desktop_app.services.callbacks import own_numbers
from desktop_app.services.demo import DemoContext
from desktop_app.services.periods import TUNIS, local_date
from desktop_app.services.traffic import natural_key

_NOTES = ("", "", "Rappelé depuis le mobile de service", "تم الاتصال به من الهاتف الجوال للمصلحة",
          "Le citoyen demandait les horaires de l'état civil", "")  # fmt: skip


def _record(start: datetime, src: str, dst: str, party: str, answered: bool, seq: int,
            direction: str, line_id: int | None = None) -> dict[str, object]:  # fmt: skip
    channel = f"SIP/{src}-cb{seq:06x}" if direction == "outgoing" else f"SIP/topnet-cb{seq:06x}"
    talk = 95 if answered else 0
    return {
        "uniqueid": f"{int(start.timestamp())}.cb{seq}",
        "natural_key": natural_key(start, src, dst, channel), "start": start,
        "answer": start + timedelta(seconds=9) if answered else None,
        "end": start + timedelta(seconds=9 + talk), "duration": 9 + talk, "billsec": talk,
        "disposition": "ANSWERED" if answered else "NO ANSWER", "src": src, "dst": dst,
        "dst_national": dst.lstrip("0") if direction == "outgoing" else dst,
        "dcontext": "from-internal" if direction == "outgoing" else "from-trunk",
        "channel": channel, "dstchannel": "", "direction": direction, "line_id": line_id,
        "answered": answered, "ring_seconds": 9 if answered else None, "party": party,
    }  # fmt: skip


def _office(moment: datetime) -> datetime:
    """The same moment moved into office hours (08:30–16:00 local) when it falls outside them."""
    local = moment.astimezone(TUNIS)
    if local.hour < 8:
        local = local.replace(hour=8, minute=30)
    elif local.hour >= 16:
        local = datetime.combine(local.date() + timedelta(days=1), time(8, 40), TUNIS)
    return local.astimezone(UTC)


def callbacks_step(ctx: DemoContext) -> None:
    rng = ctx.rng
    today = local_date(ctx.now)
    yesterday = today - timedelta(days=1)
    with ctx.db.read() as s:
        own = own_numbers(s)
        missed: list[tuple[Any, ...]] = [tuple(r) for r in s.execute(
            select(CallRecord.party, CallRecord.start, CallRecord.line_id, CallRecord.dst)
            .where(CallRecord.direction == "inbound", CallRecord.answered.is_(False),
                   CallRecord.party.is_not(None), CallRecord.party != "")
            .order_by(CallRecord.start)
        )]  # fmt: skip
        switchboard = s.execute(select(PhoneLine.id, PhoneLine.number)
                                .where(PhoneLine.kind == "switchboard")).first()  # fmt: skip
    records: list[dict[str, object]] = []
    backs: list[dict[str, object]] = []
    seq = 0
    if switchboard is not None:  # yesterday had callers, whatever the random draw gave
        line_id, number = switchboard
        for hour, minute in ((9, 12), (10, 47), (11, 5), (14, 31)):
            seq += 1
            party = "+216" + rng.choice("2459") + "".join(str(rng.randrange(10)) for _ in range(7))
            start = datetime.combine(yesterday, time(hour, minute), TUNIS).astimezone(UTC)
            records.append(_record(start, party[4:], number.removeprefix("+216"), party, False,
                                   seq, "inbound", line_id))  # fmt: skip
            missed.append((party, start, line_id, number))
    for party, start, line_id, dst in missed:
        if party in own or start >= ctx.now:
            continue
        day = local_date(start)
        age = (today - day).days
        reach = 0.25 if age <= 1 else 0.75 if age <= 7 else 0.97
        national = party.removeprefix("+216")
        if rng.random() < 0.2:  # tried again a few minutes later, still no answer
            seq += 1
            again = start + timedelta(minutes=rng.randint(4, 40))
            if again < ctx.now:
                records.append(_record(again, national, dst, party, False, seq, "inbound",
                                       line_id))  # fmt: skip
        roll = rng.random()
        if roll >= reach:
            if rng.random() < 0.3:  # a call-back from a mobile that nobody answered
                at = _office(start + timedelta(minutes=rng.randint(20, 300)))
                if at < ctx.now:
                    backs.append({"party": party, "at": at, "outcome": "no_answer", "note": "",
                                  "username": "agent"})  # fmt: skip
            continue
        delay = timedelta(minutes=min(rng.lognormvariate(4.4, 0.9), 60 * 40))
        at = _office(start + delay)
        if at >= ctx.now:
            continue
        seq += 1
        kind = roll / reach
        if kind < 0.7:  # called back through the PBX, with the trunk prefix 0
            ext = rng.choice(("201", "202", "203", "204", "205", "206"))
            records.append(_record(at, ext, "0" + national, party, True, seq, "outgoing"))
        elif kind < 0.9:  # the caller got through by calling again
            records.append(_record(at, national, dst, party, True, seq, "inbound", line_id))
        else:  # called back from a service mobile, recorded by hand
            backs.append({"party": party, "at": at, "outcome": "reached",
                          "note": rng.choice(_NOTES), "username": "agent"})  # fmt: skip
    with ctx.db.write() as s:
        for i in range(0, len(records), 5000):
            s.execute(insert(CallRecord), records[i : i + 5000])
        if backs:
            s.execute(insert(CallBack), backs)
    ctx.summary["call_backs"] = len(backs) + sum(r["direction"] == "outgoing" for r in records)
