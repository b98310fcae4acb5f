"""Importing the requests register of CONTRACTS.md §2 (C2.1, C2.3, C8.6) from real files."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, RequestEvent
from desktop_app.exchange.requests_file import import_register, write_citizen_export
from desktop_app.services import requests
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Role
from desktop_app.services.requests.register_import import parse_local_datetime
from tests.helpers.cli import CliRun, run_cli
from tests.helpers.databases import new_database

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
HEADER = [
    "N° / المرجع",
    "Date de réception / تاريخ الورود",
    "Canal / القناة",
    "Nature / النوع",
    "Citoyen / المواطن",
    "Contact",
    "Objet / الموضوع",
    "Première réponse",
    "Type de réponse",
    "Clôturé le",
    "Catégorie",
    "Observations",
]
ROWS = [
    [
        "2026-000101",
        datetime(2026, 2, 3, 14, 20),
        "Courriel",
        "Réclamation",
        "Amel Jaziri",
        "amel.jaziri@gnet.tn",
        "Coupure d'eau rue Ibn Khaldoun",
        "04/02/2026 09:00",
        "Réponse",
        "10/02/2026 11:00",
        "",
        "urgent",
    ],
    [
        "",
        "03/02/2026 14:20",
        "هاتف",
        "طلب",
        "كريم الطرابلسي",
        "98 123 456",
        "طلب رخصة بناء",
        "2026-02-05 10:00",
        "إعلام",
        "",
        "كبار السن",
        "",
    ],
    [
        "",
        "2026-02-10 08:05",
        "Guichet",
        "Renseignement",
        "",
        "",
        "Horaires d'été",
        "",
        "",
        "",
        "Personne handicapée",
        "",
    ],
    [
        "",
        "11/02/2026 16:45",
        "facebook",
        "Signalement",
        "Hichem",
        "",
        '=HYPERLINK("x")',
        "",
        "",
        "",
        "",
        "",
    ],
]


def write_register(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Municipalité de La Marsa — Registre des requêtes"])
    ws.append(["Année 2026"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    ws.cell(8, 7).data_type = "s"  # the "=HYPERLINK" subject is text in the register
    wb.save(path)
    return path


def count(db: Database, model: type = CitizenRequest) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_real_register_with_title_rows_and_french_arabic_names_imports_whole_c2_3(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = write_register(tmp_path / "registre.xlsx", ROWS)
    result = import_register(db, admin, path, now=NOW)
    assert result.errors == [] and result.imported == 4
    rows = {
        r.subject: r
        for r in requests.list_page(db, admin, requests.RequestFilter(), limit=10, now=NOW)
    }
    water = rows["Coupure d'eau rue Ibn Khaldoun"]
    assert water.reference == "2026-000101" and water.channel == "email"
    assert water.received_at == datetime(2026, 2, 3, 14, 20, tzinfo=TUNIS)
    assert water.status == "closed" and water.state == "met"
    permit = rows["طلب رخصة بناء"]
    assert permit.channel == "phone" and permit.type == "request"
    assert permit.first_response_kind == "notice" and permit.category == "elderly"
    assert permit.contact == "+21698123456"
    assert permit.reference == "2026-000102"  # generated after the highest of the year
    assert rows["Horaires d'été"].category == "disability"
    assert rows['=HYPERLINK("x")'].channel == "social"
    assert count(db, RequestEvent) == 4 + 2 + 1  # imported ×4, responses ×2, closed ×1


def test_reimporting_the_same_register_adds_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = write_register(tmp_path / "registre.xlsx", ROWS)
    import_register(db, admin, path, now=NOW)
    again = import_register(db, admin, path, now=NOW)
    assert again.imported == 0 and again.skipped_duplicates == 4
    assert count(db) == 4


def test_one_bad_row_writes_nothing_and_names_row_column_and_text(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    bad = [
        *ROWS,
        [
            "",
            "31/02/2026 10:00",
            "Pigeon",
            "Demande",
            "",
            "pas un contact",
            "x",
            "",
            "",
            "",
            "",
            "",
        ],
    ]
    path = write_register(tmp_path / "registre.xlsx", bad)
    result = import_register(db, admin, path, now=NOW)
    assert result.imported == 0 and count(db) == 0 and count(db, RequestEvent) == 0
    by_column = {e.column: e for e in result.errors}
    assert set(by_column) == {"received_at"}  # the first problem of the row is reported
    assert by_column["received_at"].row == 5 and "31/02/2026" in by_column["received_at"].message
    result = import_register(db, admin, path, skip_invalid=True, now=NOW)
    assert result.imported == 4 and len(result.errors) == 1 and count(db) == 4


def test_dry_run_checks_everything_and_writes_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = write_register(tmp_path / "registre.xlsx", ROWS)
    result = import_register(db, admin, path, dry_run=True, now=NOW)
    assert result.imported == 4 and count(db) == 0


def test_a_semicolon_cp1252_csv_with_unknown_values_is_refused(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "registre.csv"
    path.write_bytes(
        "Référence;Reçu le;Canal;Type;Objet\n;03/02/2026 14:20;Pigeon voyageur;"
        "Demande;Acte de naissance\n".encode("cp1252")
    )
    result = import_register(db, admin, path, now=NOW)
    assert [(e.row, e.column) for e in result.errors] == [(1, "channel")]
    assert "Pigeon voyageur" in result.errors[0].message


def test_only_editors_import(db: Database, admin: Actor, actor_of, tmp_path: Path) -> None:
    from desktop_app.services.errors import PermissionDenied

    path = write_register(tmp_path / "registre.xlsx", ROWS)
    with pytest.raises(PermissionDenied):
        import_register(db, actor_of(Role.DIRECTOR), path, now=NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-03 14:20", datetime(2026, 2, 3, 14, 20)),
        ("03/02/2026 14:20", datetime(2026, 2, 3, 14, 20)),
        ("٠٣/٠٢/٢٠٢٦ ١٤:٢٠", datetime(2026, 2, 3, 14, 20)),
        (datetime(2026, 2, 3, 14, 20), datetime(2026, 2, 3, 14, 20)),
    ],
)
def test_dates_are_tunis_local_time(text: object, expected: datetime) -> None:
    parsed = parse_local_datetime(text)
    assert parsed is not None
    assert parsed[0] == expected.replace(tzinfo=TUNIS)
    assert parsed[0].utcoffset() == timedelta(0)


def test_cli_import_prints_the_contract_json_and_exits_1_on_a_bad_row(tmp_path: Path) -> None:
    path = write_register(tmp_path / "registre.xlsx", ROWS)
    db = new_database(tmp_path / "cli.sqlite")

    def run(*args: str) -> CliRun:
        return run_cli("--db", db, "requests", "import", *args)  # in-process, through main()

    done = run(str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "imported": 4,
        "skipped_duplicates": 0,
        "errors": [],
        "warnings": [],
    }
    again = run(str(path), "--json")
    assert json.loads(again.stdout)["skipped_duplicates"] == 4
    bad = write_register(
        tmp_path / "bad.xlsx",
        [["", "2026-02-03 10:00", "mail", "Nope", "", "", "x", "", "", "", "", ""]],
    )
    refused = run(str(bad), "--json")
    assert refused.returncode == 1
    payload = json.loads(refused.stdout)
    assert payload["imported"] == 0
    assert payload["errors"][0]["row"] == 1 and payload["errors"][0]["column"] == "type"
    human = run(str(bad))
    assert human.returncode == 1 and "bad.xlsx, row 1, column type" in human.stderr
    assert "Traceback" not in human.stderr


def test_citizen_export_writes_formulas_as_text_law_2004_63(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    requests.create_request(
        db,
        admin,
        channel="web",
        type="complaint",
        subject="=1+1",
        citizen="Amel",
        contact="amel@gnet.tn",
        body="=cmd|' /c calc'!A0",
    )
    out = write_citizen_export(tmp_path / "amel.xlsx", requests.citizen_data(db, admin, "Amel"))
    ws = load_workbook(out)["Requests"]
    assert ws.cell(2, 7).value == "=1+1" and ws.cell(2, 7).data_type == "s"
    assert ws.cell(2, 8).data_type == "s"


def test_c8_6_register_names_categories_by_the_bodys_list_inactive_ones_too(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    from desktop_app.services import user_categories

    code = user_categories.add(db, admin, name_ar="الأجانب", name_fr="Étrangers")
    version = next(c.version for c in user_categories.list_categories(db, admin) if c.code == code)
    user_categories.set_active(db, admin, code, False, version=version)  # past data still imports
    rows = [list(r) for r in ROWS]
    rows[0][10], rows[3][10] = "الأجانب", "ÉTRANGERS"
    rows[2][10] = "autre"  # CONTRACTS §2 name of the seeded "other", inactive: past data
    result = import_register(db, admin, write_register(tmp_path / "reg.xlsx", rows), now=NOW)
    assert result.errors == [] and result.imported == 4
    with db.read() as s:
        got = sorted(c or "" for c in s.scalars(select(CitizenRequest.category)))
    assert got == sorted([code, "elderly", "other", code])
    rows[0][10] = "Enfants"
    refused = import_register(db, admin, write_register(tmp_path / "bad.xlsx", rows), now=NOW)
    assert [e.column for e in refused.errors] == ["category"]
