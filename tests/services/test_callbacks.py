"""Callers to call back and the cdr_missed* indicators, on a hand-made Master.csv (C2.4, C8.2).

Each caller of the file pins one rule of services/callbacks.py and CONTRACTS.md §3.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import AuditEntry, CallBack, CallRecord, PhoneLine
from desktop_app.exchange.cdr import import_cdr
from desktop_app.services import callbacks, kpis, requests, settings
from desktop_app.services.errors import PermissionDenied, UserError
from desktop_app.services.periods import TUNIS, parse_period
from desktop_app.services.permissions import Actor, Role
from tests.helpers.calls_data import GREEN, SWITCHBOARD, make_lines

Q1 = parse_period("2026-Q1")
IDS = ("cdr_missed", "cdr_missed_reached_pct", "cdr_callback_median_min")
MOBILE = "+21698123456"  # the body's own service mobile


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TUNIS).astimezone(UTC)  # type: ignore[misc]


def row(src: str, dst: str, at: str, answered: bool, context: str = "from-trunk",
        uid: int = 0) -> str:  # fmt: skip
    start = datetime.strptime(at, "%Y-%m-%d %H:%M")
    answer = (start + timedelta(seconds=12)).strftime("%Y-%m-%d %H:%M:%S") if answered else ""
    end = (start + timedelta(seconds=90)).strftime("%Y-%m-%d %H:%M:%S")
    disposition = "ANSWERED" if answered else "NO ANSWER"
    return (
        f'"","{src}","{dst}","{context}","","SIP/trunk-{uid:04d}","","Dial","",'
        f'"{start:%Y-%m-%d %H:%M:%S}","{answer}","{end}",90,{78 if answered else 0},'
        f'"{disposition}","DOCUMENTATION","1767000000.{uid}"'
    )


CALLS = [
    # A: one number written three ways; reached by an outbound call 2 h and 1.5 h later.
    ("0021650987654", "71563500", "2026-01-12 09:00", False, "from-trunk"),
    ("+21650987654", "71563500", "2026-01-12 09:30", False, "from-trunk"),
    ("201", "050987654", "2026-01-12 11:00", True, "from-internal"),
    # B: called back 26 h later: beyond the 24 h window, but off the list.
    ("22111222", "71563500", "2026-01-12 10:00", False, "from-trunk"),
    ("202", "22111222", "2026-01-13 12:00", True, "from-internal"),
    # C: got through by calling again 25 minutes later.
    ("23333444", "71563500", "2026-01-12 10:15", False, "from-trunk"),
    ("23333444", "71563500", "2026-01-12 10:40", True, "from-trunk"),
    # D: anonymous, E: the body's own mobile — nobody to call back.
    ("anonymous", "71563500", "2026-01-12 10:20", False, "from-trunk"),
    ("98123456", "71563500", "2026-01-12 10:30", False, "from-trunk"),
    # F: called back from a mobile (recorded by hand) 30 minutes later.
    ("24555666", "71563500", "2026-01-12 11:10", False, "from-trunk"),
    # G: an unanswered call-back through the PBX: still to call.
    ("25777888", "71563500", "2026-01-12 12:00", False, "from-trunk"),
    ("201", "25777888", "2026-01-12 12:30", False, "from-internal"),
    # H: a call-back from a mobile without answer: still to call, the attempt shown.
    ("26999000", "71563500", "2026-01-12 13:00", False, "from-trunk"),
    # I: the next day, on the green number.
    ("27000111", "80100321", "2026-01-13 09:00", False, "from-trunk"),
]


@pytest.fixture
def loaded(db: Database, admin: Actor, tmp_path: Path) -> dict[str, int]:
    ids = make_lines(db)
    path = tmp_path / "Master.csv"
    path.write_text("\n".join(row(*c, uid=i) for i, c in enumerate(CALLS)) + "\n")
    import_cdr(db, admin, path)
    with db.write() as s:  # the mobile joins the inventory after the import: still the body's
        s.add(PhoneLine(number=MOBILE, kind="mobile", label="Mobile de service"))
    callbacks.record_callback(db, admin, "24 555 666", local(2026, 1, 12, 11, 40), "reached",
                              "Rappelé depuis le mobile", now=local(2026, 1, 14))  # fmt: skip
    callbacks.record_callback(db, admin, "+216 26 999 000", local(2026, 1, 12, 13, 10), "no_answer",
                              now=local(2026, 1, 14))  # fmt: skip
    return ids


def test_numbers_written_three_ways_are_one_e164_number() -> None:
    for text in ("0021650987654", "+216 50 987 654", "50 987 654", "050987654", "21650987654"):
        assert callbacks.callable_number(text) == "+21650987654", text
    assert callbacks.callable_number("0033 6 12 34 56 78") == "+33612345678"
    for text in ("anonymous", "Anonymous", "", "201", "1899", "<unknown>", "s"):
        assert callbacks.callable_number(text) == "", text


def test_missed_indicators_pin_each_rule_c2_4(db: Database, admin: Actor,
                                              loaded: dict[str, int]) -> None:  # fmt: skip
    values = kpis.compute(db, admin, Q1, only=IDS)
    # A ×2, B, C, F, G, H, I: anonymous and the own mobile are left out.
    assert values["cdr_missed"] == 8
    # Reached within 24 h: A ×2 (outbound), C (called again), F (call-back from a mobile).
    assert values["cdr_missed_reached_pct"] == 50.0
    # 25, 30, 90, 120 minutes: the mean of the two middle values.
    assert values["cdr_callback_median_min"] == 60.0


def test_the_reach_window_is_a_setting(db: Database, admin: Actor, loaded: dict[str, int]) -> None:
    settings.update(db, admin, {"callback_window_hours": 27})
    values = kpis.compute(db, admin, Q1, only=IDS)
    assert values["cdr_missed_reached_pct"] == 62.5  # B's call-back after 26 h now counts
    assert values["cdr_callback_median_min"] == 90.0  # 25, 30, 90, 120, 1560


def test_no_missed_call_gives_empty_ratios(db: Database, admin: Actor) -> None:
    values = kpis.compute(db, admin, Q1, only=IDS)
    assert values == {"cdr_missed": 0, "cdr_missed_reached_pct": None,
                      "cdr_callback_median_min": None}  # fmt: skip


def test_the_list_keeps_only_callers_not_reached_oldest_first(
    db: Database, admin: Actor, loaded: dict[str, int]
) -> None:
    found = callbacks.callers(db, admin)
    assert [c.party for c in found] == ["+21625777888", "+21626999000", "+21627000111"]
    g, h, i = found
    assert g.number == "25 777 888" and g.lines == ["71 563 500"] and len(g.tries) == 1
    assert g.attempts == []
    assert h.attempts == [(local(2026, 1, 12, 13, 10), "no_answer")]
    assert i.lines == ["80 100 321"]
    assert g.waiting_minutes(local(2026, 1, 12, 13, 0)) == 60


def test_the_list_filters_by_day_and_by_line(
    db: Database, admin: Actor, loaded: dict[str, int]
) -> None:
    day = [c.party for c in callbacks.callers(db, admin, day=date(2026, 1, 13))]
    assert day == ["+21627000111"]
    line = callbacks.callers(db, admin, line_id=loaded[GREEN])
    assert [c.party for c in line] == ["+21627000111"]
    assert len(callbacks.callers(db, admin, line_id=loaded[SWITCHBOARD])) == 2


def test_a_tries_after_the_reach_bring_the_caller_back(
    db: Database, admin: Actor, loaded: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "later.csv"
    path.write_text(row("23333444", "71563500", "2026-01-14 08:00", False, uid=99) + "\n")
    import_cdr(db, admin, path)
    again = [c for c in callbacks.callers(db, admin) if c.party == "+21623333444"]
    assert len(again) == 1 and again[0].tries == [local(2026, 1, 14, 8, 0)]


def test_a_manual_call_back_takes_the_caller_off_the_list_and_is_audited(
    db: Database, admin: Actor, loaded: dict[str, int]
) -> None:
    callbacks.record_callback(db, admin, "25 777 888", local(2026, 1, 12, 15, 0), "wrong_number",
                              "Numéro erroné", now=local(2026, 1, 14))  # fmt: skip
    assert "+21625777888" not in [c.party for c in callbacks.callers(db, admin)]
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry.after_json)
                                 .where(AuditEntry.entity == "call_back")))  # fmt: skip
    assert len(entries) == 3 and "wrong_number" in entries[-1] and "25777888" not in entries[-1]


@pytest.mark.parametrize(("number", "outcome", "at"), [
    ("anonymous", "reached", local(2026, 1, 12)),
    ("25 777 888", "maybe", local(2026, 1, 12)),
    ("25 777 888", "reached", datetime.now(UTC) + timedelta(hours=2)),
])  # fmt: skip
def test_a_wrong_call_back_is_refused_with_a_sentence(
    db: Database, admin: Actor, number: str, outcome: str, at: datetime
) -> None:
    with pytest.raises(UserError):
        callbacks.record_callback(db, admin, number, at, outcome)
    with db.read() as s:
        assert s.scalar(select(CallBack.id)) is None


@pytest.mark.parametrize("role", list(Role))
def test_only_the_roles_that_handle_calls_see_callers_numbers(
    db: Database, actor_of: Callable[[Role], Actor], role: Role, loaded: dict[str, int]
) -> None:
    actor = actor_of(role)
    if role in (Role.ADMIN, Role.SUPERVISOR, Role.AGENT):
        assert len(callbacks.callers(db, actor)) == 3
        callbacks.record_callback(db, actor, "25777888", local(2026, 1, 12, 14), "reached")
    else:
        with pytest.raises(PermissionDenied):
            callbacks.callers(db, actor)
        with pytest.raises(PermissionDenied):
            callbacks.record_callback(db, actor, "25777888", local(2026, 1, 12, 14), "reached")


def test_the_purge_erases_callers_numbers_and_keeps_the_figures_law_2004_63(
    db: Database, admin: Actor, loaded: dict[str, int]
) -> None:
    before = kpis.compute(db, admin, Q1, only=IDS)
    requests.purge(db, admin, now=local(2031, 1, 13, 8))  # 5 years on: the 12th goes
    with db.read() as s:
        records = s.execute(select(CallRecord.start, CallRecord.src, CallRecord.dst,
                                   CallRecord.party, CallRecord.natural_key)).all()  # fmt: skip
        notes = list(s.scalars(select(CallBack.note)))
    for start, src, dst, party, key in records:
        text = f"{src}|{dst}|{party}|{key}"
        if start < local(2026, 1, 13):
            assert not any(n in text for n in ("987654", "22111222", "25777888", "24555666"))
        assert "26999000" not in text or start >= local(2026, 1, 13)
    assert "27000111" in "".join(r[1] for r in records)  # the 13th is kept
    assert notes == ["", ""]
    assert [c.party for c in callbacks.callers(db, admin)] == ["+21627000111"]
    assert kpis.compute(db, admin, Q1, only=IDS) == before


def test_calls_without_party_yet_are_filled_on_first_use(
    db: Database, admin: Actor, loaded: dict[str, int]
) -> None:
    with db.write() as s:
        s.execute(CallRecord.__table__.update().values(party=None))
    assert len(callbacks.callers(db, admin)) == 3


def test_the_dashboard_lists_yesterdays_callers_without_their_numbers(
    db: Database, admin: Actor, loaded: dict[str, int]
) -> None:
    from desktop_app.services import sections

    lists = sections.action_lists(db, admin, Q1, "fr", as_of=local(2026, 1, 13, 10))
    waiting = {a.key: a for a in lists}["callers_to_call_back"]
    assert waiting.count == 2 and waiting.page_filter == {"tab": "callbacks", "day": "2026-01-12"}
    assert waiting.items[0] == "12:00, line 71 563 500, unanswered calls: 1"
    assert not any("777" in item or "999" in item for item in waiting.items)


def test_the_days_list_exports_numbers_as_text_without_formulas(
    db: Database, admin: Actor, loaded: dict[str, int], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from desktop_app.exchange.callers_file import write_callers

    path = tmp_path / "callers.xlsx"
    assert write_callers(db, admin, path, day=date(2026, 1, 12), rtl=True) == 2
    ws = load_workbook(path).active
    assert ws is not None and ws.sheet_view.rightToLeft
    cells = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in cells] == ["25 777 888", "26 999 000"]
    assert [r[2] for r in cells] == [1, 1] and [r[5] for r in cells] == [0, 1]
    assert all(ws.cell(row=2, column=c).data_type == "s" for c in (1, 2, 4))


def test_the_report_carries_the_figures_but_no_callers_number_law_2004_63(
    db: Database, admin: Actor, loaded: dict[str, int]
) -> None:
    from desktop_app.services import sections

    with db.read() as s:
        ctx = sections.make_context(s, Q1, local(2026, 4, 2), "fr")
        built = sections.build_sections(s, ctx)
    cells = [str(v) for sec in built for t in sec.tables for r in t.rows for v in r]
    assert not any(n in c for c in cells for n in ("987654", "987 654", "777 888", "25777888"))
    (lines,) = [t for sec in built if sec.key == "traffic" for t in sec.tables[:1]]
    switchboard = next(r for r in lines.rows if r[0] == "71 563 500")
    assert switchboard[7:9] == [7, 57.1]  # A ×2, B, C, F, G, H on it; A ×2, C and F reached
