"""Asterisk Master.csv (CONTRACTS.md §4): parsing, line matching, warnings, no double import."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord
from desktop_app.exchange.cdr import classify, import_cdr, iter_cdr, national_number
from desktop_app.services.errors import PermissionDenied, RowError, UserError
from desktop_app.services.permissions import Actor, Role
from tests.helpers.calls_data import GREEN, SHORT, SWITCHBOARD, make_lines

SAMPLE = Path(__file__).parent / "data" / "Master.csv"
BASE = ('"","98765432","71563500","from-trunk","""A"" <98765432>","SIP/t-1","SIP/201-2","Dial",'
        '"SIP/201,30","2026-03-02 08:15:03","2026-03-02 08:15:11","2026-03-02 08:17:40",157,149,'
        '"ANSWERED","DOCUMENTATION"')  # fmt: skip


def write(tmp_path: Path, *lines: str, name: str = "Master.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rows(path: Path, utc: bool = False) -> list:
    return list(iter_cdr(path, utc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("71563500", "71563500"), ("+21671563500", "71563500"), ("21671563500", "71563500"),
        ("0021671563500", "71563500"), ("071563500", "71563500"), ("971563500", "71563500"),
        ("9 0021671563500", "71563500"), ("71 563 500", "71563500"), ("1899", "1899"),
        ("80100321", "80100321"), ("s", ""), ("", ""),
    ],
)  # fmt: skip
def test_national_number_strips_country_code_and_trunk_prefix_c8_4(
    text: str, expected: str
) -> None:
    assert national_number(text) == expected


def test_classify_inbound_outgoing_internal_unmatched() -> None:
    lines = {"71563500": 1, "1899": 3}
    assert classify("98765432", "+21671563500", lines) == ("inbound", 1)
    assert classify("23456789", "1899", lines) == ("inbound", 3)
    assert classify("201", "0098765432", lines) == ("outgoing", None)
    assert classify("201", "202", lines) == ("internal", None)
    assert classify("201", "71563500", lines) == ("internal", None)  # a colleague trying the line
    assert classify("98112233", "71999888", lines) == ("unmatched", None)


def test_sample_master_csv_parses_quotes_empty_answer_and_uniqueid() -> None:
    parsed = rows(SAMPLE)
    assert all(not isinstance(r, RowError) for r in parsed)
    assert len(parsed) == 12
    assert {r.columns for r in parsed} == {17}
    first, unanswered, quoted = parsed[0], parsed[1], parsed[3]
    assert first.uniqueid == "1772435703.1"
    assert first.start == datetime(2026, 3, 2, 7, 15, 3, tzinfo=UTC)  # 08:15 in Tunis
    assert first.ring_seconds == 8
    assert unanswered.answer is None and unanswered.ring_seconds is None
    assert unanswered.disposition == "NO ANSWER"
    assert quoted.clid == '"Sami Jaziri, Sfax" <97001122>'


@pytest.mark.parametrize(
    ("extra", "uniqueid"),
    [
        ("", None),  # 16 columns
        (',"pbx1-1772435703.1"', "pbx1-1772435703.1"),  # 17: loguniqueid
        (',"ticket 12"', None),  # 17: loguserfield only, no uniqueid
        (',"1772435703.1",""', "1772435703.1"),  # 18
        (',"1772435703.1","","","1772435703.1",3', "1772435703.1"),  # 21: newcdrcolumns
    ],
)
def test_16_17_18_21_columns_are_detected(tmp_path: Path, extra: str, uniqueid: str | None) -> None:
    (row,) = rows(write(tmp_path, BASE + extra))
    assert not isinstance(row, RowError)
    assert row.uniqueid == uniqueid
    assert row.columns == 16 + extra.count(",")


def test_usegmtime_reads_times_as_utc(tmp_path: Path) -> None:
    (local,) = rows(write(tmp_path, BASE))
    (utc,) = rows(write(tmp_path, BASE), utc=True)
    assert utc.start == datetime(2026, 3, 2, 8, 15, 3, tzinfo=UTC)
    assert local.start == datetime(2026, 3, 2, 7, 15, 3, tzinfo=UTC)


def test_time_to_answer_falls_back_to_duration_minus_billsec(tmp_path: Path) -> None:
    line = BASE.replace('"2026-03-02 08:15:11"', "")
    (row,) = rows(write(tmp_path, line))
    assert row.answer is None and row.ring_seconds == 157 - 149


def test_import_matches_lines_and_leaves_out_outgoing_and_internal_c8_4(
    db: Database, admin: Actor
) -> None:
    ids = make_lines(db)
    report = import_cdr(db, admin, SAMPLE)
    assert report.result.imported == 12 and report.result.errors == []
    assert report.directions == {"inbound": 9, "outgoing": 1, "internal": 1, "unmatched": 1}
    with db.read() as s:
        per_line = dict(s.execute(
            select(CallRecord.line_id, func.count()).where(CallRecord.direction == "inbound")
            .group_by(CallRecord.line_id)).all())  # fmt: skip
    assert per_line == {ids[SWITCHBOARD]: 6, ids[GREEN]: 2, ids[SHORT]: 1}
    assert [w.column for w in report.result.warnings] == ["dst"]  # 71999888 is not in inventory
    assert "71999888" in report.result.warnings[0].message


def test_reimport_adds_nothing(db: Database, admin: Actor, tmp_path: Path) -> None:
    make_lines(db)
    import_cdr(db, admin, SAMPLE)
    again = import_cdr(db, admin, SAMPLE)
    assert again.result.imported == 0 and again.result.skipped_duplicates == 12
    # Without uniqueid, the same start, src, dst and channel is the same call.
    no_ids = write(tmp_path, BASE, BASE, name="second.csv")
    first = import_cdr(db, admin, no_ids)
    assert (first.result.imported, first.result.skipped_duplicates) == (1, 1)
    with db.read() as s:
        assert s.scalar(select(func.count(CallRecord.id))) == 13


def test_no_unanswered_call_at_all_is_warned(db: Database, admin: Actor, tmp_path: Path) -> None:
    make_lines(db)
    report = import_cdr(db, admin, write(tmp_path, BASE))
    assert [w.column for w in report.result.warnings] == ["disposition"]
    assert "unanswered=yes" in report.result.warnings[0].message


def test_malformed_line_writes_nothing_and_names_the_line(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_lines(db)
    bad_time = BASE.replace("2026-03-02 08:15:03", "02/03/2026 08:15")
    path = write(tmp_path, BASE, BASE.replace("08:15:03", "08:16:00"), bad_time,
                 '"only","three","columns"')  # fmt: skip
    with pytest.raises(UserError) as caught:
        import_cdr(db, admin, path)
    assert "line 3" in caught.value.message and "start" in caught.value.message
    assert [(e.row, e.column) for e in caught.value.row_errors] == [(3, "start"), (4, "")]
    with db.read() as s:
        assert s.scalar(select(func.count(CallRecord.id))) == 0


def test_unknown_disposition_and_bad_seconds_are_row_errors(tmp_path: Path) -> None:
    parsed = rows(write(tmp_path, BASE.replace('"ANSWERED"', '"PICKED"'),
                        BASE.replace(",157,", ",abc,")))  # fmt: skip
    assert [(e.row, e.column) for e in parsed] == [(1, "disposition"), (2, "duration")]


def test_dry_run_writes_nothing(db: Database, admin: Actor) -> None:
    make_lines(db)
    report = import_cdr(db, admin, SAMPLE, dry_run=True)
    assert report.result.imported == 12
    with db.read() as s:
        assert s.scalar(select(func.count(CallRecord.id))) == 0


def test_lines_added_later_take_their_calls_at_the_next_import(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    import_cdr(db, admin, SAMPLE)  # no inventory yet: everything inbound is unmatched
    ids = make_lines(db)
    import_cdr(db, admin, write(tmp_path, BASE.replace("08:15:03", "09:59:59")))
    with db.read() as s:
        n = s.scalar(select(func.count(CallRecord.id)).where(CallRecord.line_id == ids[GREEN]))
    assert n == 2


def test_a_missing_file_is_one_sentence(db: Database, admin: Actor, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        import_cdr(db, admin, tmp_path / "nothing.csv")


def test_hr_may_not_import_calls(db: Database, actor_of, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        import_cdr(db, actor_of(Role.HR), SAMPLE)


# -- a ring group or a queue writes one row per member dialled (C8.2: a call answered is answered)
RING_NO_ANSWER = (
    '"","98765432","71563500","ext-group","""Ali Ben Salah"" <98765432>","SIP/topnet-00000021",'
    '"SIP/201-00000022","Dial","SIP/201&SIP/202,20,tr","2026-03-04 09:00:00",,'
    '"2026-03-04 09:00:12",12,0,"NO ANSWER","DOCUMENTATION","1772610000.33"'
)
RING_ANSWERED = (
    '"","98765432","71563500","ext-group","""Ali Ben Salah"" <98765432>","SIP/topnet-00000021",'
    '"SIP/202-00000023","Dial","SIP/201&SIP/202,20,tr","2026-03-04 09:00:00",'
    '"2026-03-04 09:00:12","2026-03-04 09:03:00",180,168,"ANSWERED","DOCUMENTATION",'
    '"1772610000.33"'
)
RING_BUSY = RING_NO_ANSWER.replace('"SIP/201-00000022"', '"SIP/203-00000024"').replace(
    ',12,0,"NO ANSWER"', ',0,0,"BUSY"'
)
# Asterisk 12+ with newcdrcolumns (21 columns): a queue rings its members through Local
# channels; every leg has its own uniqueid but the caller's linkedid.
QUEUE = [
    '"","98765432","201","from-queue","""Ali Ben Salah"" <98765432>",'
    '"Local/201@from-queue-00000005;2","SIP/201-00000031","Dial","SIP/201,,trM(auto-blkvm)",'
    '"2026-03-04 10:00:05","2026-03-04 10:00:21","2026-03-04 10:02:00",115,99,"ANSWERED",'
    '"DOCUMENTATION","1772613605.44","","","1772613600.40",54',
    '"","98765432","71563500","ext-queues","""Ali Ben Salah"" <98765432>",'
    '"SIP/topnet-00000030","Local/202@from-queue-00000004;1","Queue","400,t,,,300",'
    '"2026-03-04 10:00:00",,"2026-03-04 10:00:20",20,0,"NO ANSWER","DOCUMENTATION",'
    '"1772613600.40","","","1772613600.40",51',
    '"","98765432","71563500","ext-queues","""Ali Ben Salah"" <98765432>",'
    '"SIP/topnet-00000030","Local/201@from-queue-00000005;1","Queue","400,t,,,300",'
    '"2026-03-04 10:00:00","2026-03-04 10:00:21","2026-03-04 10:02:00",120,99,"ANSWERED",'
    '"DOCUMENTATION","1772613600.40","","","1772613600.40",52',
]


def stored_calls(db: Database) -> list[CallRecord]:
    with db.read() as s:
        calls = list(s.scalars(select(CallRecord).order_by(CallRecord.start)))
        s.expunge_all()
        return calls


@pytest.mark.parametrize("order", ["no_answer_first", "answered_first"])
def test_ring_group_call_answered_by_one_member_is_answered_c8_2(
    db: Database, admin: Actor, tmp_path: Path, order: str
) -> None:
    ids = make_lines(db)
    legs = [RING_NO_ANSWER, RING_ANSWERED]
    if order == "answered_first":
        legs.reverse()
    report = import_cdr(db, admin, write(tmp_path, BASE, *legs))
    assert (report.result.imported, report.result.skipped_duplicates) == (2, 1)
    assert report.directions == {"inbound": 2}
    call = stored_calls(db)[-1]
    assert (call.line_id, call.answered, call.disposition) == (ids[SWITCHBOARD], True, "ANSWERED")
    assert call.ring_seconds == 12 and call.billsec == 168
    assert call.answer == datetime(2026, 3, 4, 8, 0, 12, tzinfo=UTC)
    assert call.dstchannel == "SIP/202-00000023"


def test_ring_group_nobody_answering_is_one_missed_call(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_lines(db)
    report = import_cdr(db, admin, write(tmp_path, RING_BUSY, RING_NO_ANSWER))
    assert report.result.imported == 1
    (call,) = stored_calls(db)
    assert (call.answered, call.disposition, call.ring_seconds) == (False, "NO ANSWER", None)


def test_queue_legs_with_one_linkedid_are_one_answered_call_21_columns(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    ids = make_lines(db)
    report = import_cdr(db, admin, write(tmp_path, *QUEUE))
    assert (report.result.imported, report.result.skipped_duplicates) == (1, 2)
    assert report.directions == {"inbound": 1}  # the Local leg to 201 is not a second call
    (call,) = stored_calls(db)
    assert (call.line_id, call.answered, call.ring_seconds) == (ids[SWITCHBOARD], True, 21)
    assert call.uniqueid == "1772613600.40" and call.channel == "SIP/topnet-00000030"
    again = import_cdr(db, admin, write(tmp_path, *reversed(QUEUE), name="again.csv"))
    assert (again.result.imported, again.result.skipped_duplicates) == (0, 3)


def test_reimport_upgrades_a_stored_missed_call_that_a_member_answered(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_lines(db)
    import_cdr(db, admin, write(tmp_path, RING_NO_ANSWER, name="first.csv"))
    assert stored_calls(db)[0].answered is False
    again = import_cdr(db, admin, write(tmp_path, RING_NO_ANSWER, RING_ANSWERED))
    assert (again.result.imported, again.result.skipped_duplicates, again.upgraded) == (0, 2, 1)
    (call,) = stored_calls(db)
    assert (call.answered, call.disposition, call.ring_seconds) == (True, "ANSWERED", 12)
    # An answered call is never turned back into a missed one.
    import_cdr(db, admin, write(tmp_path, RING_NO_ANSWER, name="third.csv"))
    assert stored_calls(db)[0].answered is True


def test_legs_of_one_call_split_across_chunks_are_merged(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop_app.services.call_records as call_records

    make_lines(db)
    monkeypatch.setattr(call_records, "CHUNK", 1)
    report = import_cdr(db, admin, write(tmp_path, RING_NO_ANSWER, RING_ANSWERED))
    assert (report.result.imported, report.upgraded) == (1, 0)
    (call,) = stored_calls(db)
    assert call.answered is True and call.ring_seconds == 12


def test_16_columns_legs_sharing_start_src_dst_channel_are_merged(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_lines(db)
    legs = [RING_NO_ANSWER.rsplit(",", 1)[0], RING_ANSWERED.rsplit(",", 1)[0]]
    report = import_cdr(db, admin, write(tmp_path, *legs))
    assert report.result.imported == 1
    (call,) = stored_calls(db)
    assert call.uniqueid is None and call.answered is True


# -- outgoing calls made with the body's own number as caller ID (C8.4: inbound figures only)
@pytest.mark.parametrize(
    ("src", "dst", "dcontext", "expected"),
    [
        # the switchboard's number as caller ID, calling out or another inventory line
        ("71563500", "98765432", "from-trunk", ("outgoing", None)),
        ("+21671563500", "80100321", "", ("internal", None)),
        ("071563500", "1899", "", ("internal", None)),
        # an outgoing/internal dialplan context, whatever the caller ID
        ("98765432", "0021633445566", "from-internal", ("outgoing", None)),
        ("98765432", "71563500", "from-internal-xfer", ("internal", None)),
        ("22334455", "98765432", "outrt-1", ("outgoing", None)),
        ("22334455", "98765432", "macro-dialout-trunk", ("outgoing", None)),
        ("22334455", "98765432", "outbound-allroutes", ("outgoing", None)),
        # inbound contexts stay inbound
        ("98765432", "71563500", "from-trunk", ("inbound", 1)),
        ("98765432", "71563500", "from-pstn", ("inbound", 1)),
        ("98765432", "71563500", "from-did", ("inbound", 1)),
        ("98765432", "71563500", "ext-did", ("inbound", 1)),
        ("98765432", "71563500", "from-sip-external", ("inbound", 1)),
        ("98765432", "71563500", "ext-group", ("inbound", 1)),
        ("98765432", "71563500", "ext-queues", ("inbound", 1)),
        ("98765432", "71563500", "from-sip", ("inbound", 1)),
    ],
)  # fmt: skip
def test_classify_own_number_and_dialplan_context_are_not_inbound_c8_4(
    src: str, dst: str, dcontext: str, expected: tuple[str, int | None]
) -> None:
    lines = {"71563500": 1, "80100321": 2, "1899": 3}
    assert classify(src, dst, lines, dcontext) == expected


def test_import_counts_a_switchboard_call_out_as_outgoing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_lines(db)
    line = ('"","71563500","80100321","from-internal","""Standard"" <71563500>",'
            '"SIP/201-00000040","SIP/topnet-00000041","Dial","SIP/topnet/80100321,300,",'
            '"2026-03-05 10:00:00","2026-03-05 10:00:06","2026-03-05 10:01:00",60,54,"ANSWERED",'
            '"DOCUMENTATION","1772701200.50"')  # fmt: skip
    report = import_cdr(db, admin, write(tmp_path, line, RING_NO_ANSWER))
    assert report.directions == {"internal": 1, "inbound": 1}


# -- a short line dialled with a trunk prefix (CONTRACTS §4)
@pytest.mark.parametrize(
    ("dst", "line"),
    [("1899", 3), ("01899", 3), ("91899", 3), ("071563500", 1), ("11899", None),
     ("09201", None), ("9201", None), ("0", None), ("019", None)],
)  # fmt: skip
def test_short_line_with_trunk_prefix_matches_and_nothing_else_does(
    dst: str, line: int | None
) -> None:
    lines = {"71563500": 1, "1899": 3}
    expected = ("inbound", line) if line else ("unmatched", None)
    assert classify("98765432", dst, lines) == expected


def test_prefixed_short_number_is_rematched_when_the_line_is_added(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    prefixed = BASE.replace('"71563500"', '"01899"', 1)
    import_cdr(db, admin, write(tmp_path, prefixed, name="before.csv"))
    ids = make_lines(db)
    import_cdr(db, admin, write(tmp_path, RING_NO_ANSWER))
    with db.read() as s:
        line_id = s.scalar(select(CallRecord.line_id).where(CallRecord.dst == "01899"))
    assert line_id == ids[SHORT]


def test_a_local_channel_leg_without_linkedid_is_internal_not_a_missing_number(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_lines(db)
    local_leg = QUEUE[0].rsplit(",", 4)[0]  # 17 columns: no linkedid to join it to its call
    report = import_cdr(db, admin, write(tmp_path, local_leg, RING_NO_ANSWER))
    assert report.directions == {"internal": 1, "inbound": 1}
    assert not any(w.column == "dst" for w in report.result.warnings)  # not "201 is missing"


# -- a plan committed after others wrote meanwhile (the window's preview waits for a click) ---
def test_c8_2_a_call_stored_missed_since_the_preview_is_answered_by_the_commit(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    from desktop_app.exchange.cdr import plan_cdr
    from desktop_app.services.call_records import commit_call_records_plan

    make_lines(db)
    plan = plan_cdr(db, admin, write(tmp_path, RING_NO_ANSWER, RING_ANSWERED))
    assert (len(plan.rows), plan.rows[0].answered) == (1, True)
    import_cdr(db, admin, write(tmp_path, RING_NO_ANSWER, name="meanwhile.csv"))
    assert stored_calls(db)[0].answered is False
    report = commit_call_records_plan(db, admin, plan)
    assert (report.result.imported, report.upgraded) == (0, 1)
    (call,) = stored_calls(db)
    assert (call.answered, call.disposition, call.ring_seconds, call.billsec) == (
        True, "ANSWERED", 12, 168
    )  # fmt: skip
    assert call.answer == datetime(2026, 3, 4, 8, 0, 12, tzinfo=UTC)
    assert call.dstchannel == "SIP/202-00000023"


def test_c8_4_calls_to_a_line_added_since_the_preview_are_inbound_on_it(
    db: Database, admin: Actor
) -> None:
    from desktop_app.exchange.cdr import plan_cdr
    from desktop_app.services.call_records import commit_call_records_plan

    plan = plan_cdr(db, admin, SAMPLE)  # no inventory yet: every call to it is unmatched
    green = national_number(GREEN)
    assert plan.report.unmatched_numbers[green] == 2
    ids = make_lines(db)  # the lines added while the preview waited
    report = commit_call_records_plan(db, admin, plan)
    assert report.result.imported == 12
    with db.read() as s:
        n = s.scalar(select(func.count(CallRecord.id)).where(CallRecord.line_id == ids[GREEN]))
        left = s.scalar(
            select(func.count(CallRecord.id)).where(CallRecord.direction == "unmatched")
        )
    assert n == 2
    assert green not in report.unmatched_numbers and "71999888" in report.unmatched_numbers
    assert report.directions["unmatched"] == left
    assert [w.column for w in report.result.warnings] == ["dst"]
    assert green not in report.result.warnings[0].message


def test_c8_4_calls_imported_since_the_preview_are_not_named_missing_from_the_inventory(
    db: Database, admin: Actor
) -> None:
    from desktop_app.exchange.cdr import plan_cdr
    from desktop_app.services.call_records import commit_call_records_plan

    plan = plan_cdr(db, admin, SAMPLE)
    assert plan.report.unmatched_numbers and any(w.column == "dst" for w in plan.warnings)
    import_cdr(db, admin, SAMPLE)  # someone imported the same file meanwhile
    report = commit_call_records_plan(db, admin, plan)
    assert report.result.imported == 0
    assert not report.unmatched_numbers
    assert not any(w.column == "dst" for w in report.result.warnings)
