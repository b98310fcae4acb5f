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
