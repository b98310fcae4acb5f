"""The requests register people keep in Excel (CONTRACTS.md §2), imported whole on day one (C2.1).

Reads through exchange/tabular.py (header detection, bilingual headers, encodings, safe XLSX)
into cells; the register's rules (value names, dates, duplicates, references, deadlines) are
services/requests/register_import.py's, which plans the import without writing and commits the
plan (services/imports.py). The file is read once, for the plan. Also writes a citizen's data
export (law 2004-63, right of access), every citizen text as text, never a formula.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app.data.db import Database
from desktop_app.exchange.tabular import FieldSpec, Table, read_table
from desktop_app.i18n import translate
from desktop_app.services import requests as requests_service
from desktop_app.services.choices import ChoiceMatcher
from desktop_app.services.errors import ImportResult
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, leaves_no_check_pending
from desktop_app.services.progress import Progress
from desktop_app.services.requests.register_import import (
    RegisterPlan,
    check_rows,
    commit_register_plan,
    plan_register_import,
    require_import,
)

FIELDS = (
    FieldSpec("reference", ("reference", "référence", "المرجع")),
    FieldSpec(
        "received_at",
        ("received_at", "reçu le", "date de réception", "تاريخ الورود"),
        required=True,
    ),
    FieldSpec("channel", ("channel", "canal", "القناة"), required=True),
    FieldSpec("type", ("type", "nature", "النوع"), required=True),
    FieldSpec("citizen", ("citizen", "citoyen", "nom", "المواطن")),
    FieldSpec("contact", ("contact", "email", "téléphone", "الاتصال")),
    FieldSpec("subject", ("subject", "objet", "الموضوع"), required=True),
    FieldSpec("first_response_at", ("first_response_at", "première réponse", "تاريخ أول رد")),
    FieldSpec("first_response_kind", ("first_response_kind", "type de réponse", "نوع الرد")),
    FieldSpec("closed_at", ("closed_at", "clôturé le", "تاريخ الغلق")),
    FieldSpec("category", ("category", "catégorie", "الفئة")),
)


def read_register(path: Path) -> Table:
    """The register's cells, row by row (a UserError naming the file for what cannot be read)."""
    return read_table(Path(path), FIELDS)


def parse_register(
    path: Path, now: datetime | None = None, categories: ChoiceMatcher | None = None
) -> RegisterPlan:
    """Read and check every row without the database (the fuzz and hostile-file tests' entry
    point): duplicates are not marked. `categories` as in register_import.check_rows()."""
    path = Path(path)
    return check_rows(path.name, read_register(path).rows, now, categories)


@leaves_no_check_pending
def plan_register(
    db: Database, actor: Actor, path: Path, *, now: datetime | None = None
) -> RegisterPlan:
    """Read the file once and plan its import (the window's preview, `--dry-run`)."""
    require_import(actor)  # before reading: a refused user learns that first
    path = Path(path)
    table = read_register(path)
    return plan_register_import(db, actor, path.name, table.rows, now=now)


def import_register(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """`requests import`: all-or-nothing unless skip_invalid; dry_run plans and writes nothing."""
    plan = plan_register(db, actor, path, now=now)
    if dry_run:
        return plan.result(skip_invalid)
    return commit_register_plan(
        db, actor, plan, skip_invalid=skip_invalid, progress=progress, now=now
    )


# -- a citizen's data (law 2004-63, right of access) ----------------------------------------------
def write_citizen_export(path: Path, data: requests_service.CitizenData, lang: str = "fr") -> Path:
    """Every request and timeline step held about one citizen, as an .xlsx the citizen can read."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from desktop_app.exchange.xlsx_safe import set_text

    wb = Workbook()
    ws = wb.active
    ws.title = translate("requests_file", "Requests")[:31]
    ws.sheet_view.rightToLeft = lang == "ar"
    headers = [
        translate("requests_file", "Reference"),
        translate("requests_file", "Received at"),
        translate("requests_file", "Channel"),
        translate("requests_file", "Type"),
        translate("requests_file", "Citizen"),
        translate("requests_file", "Contact"),
        translate("requests_file", "Subject"),
        translate("requests_file", "Text"),
        translate("requests_file", "Status"),
        translate("requests_file", "Particular category"),
        translate("requests_file", "Deadline"),
        translate("requests_file", "First response at"),
        translate("requests_file", "First response"),
        translate("requests_file", "Closed at"),
        translate("requests_file", "Assigned to"),
    ]
    ws.append(headers)
    steps = wb.create_sheet(translate("requests_file", "Timeline")[:31])
    steps.sheet_view.rightToLeft = lang == "ar"
    steps.append(
        [
            translate("requests_file", "Reference"),
            translate("requests_file", "When"),
            translate("requests_file", "Step"),
            translate("requests_file", "By"),
            translate("requests_file", "Text"),
        ]
    )

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(TUNIS).replace(tzinfo=None) if moment is not None else None

    kinds = {
        "answer": translate("requests_file", "Answer"),
        "notice": translate("requests_file", "Notice to the sender"),
    }
    dates = (2, 11, 12, 14)
    for detail in data.requests:
        row = detail.row
        ws.append(
            [None, local(row.received_at)]
            + [None] * 8
            + [local(row.deadline_at), local(row.first_response_at), None, local(row.closed_at)]
        )
        line = ws.max_row
        for col, value in (
            (1, row.reference),
            (3, requests_service.channel_label(row.channel)),
            (4, requests_service.type_label(row.type)),
            (5, row.citizen),
            (6, row.contact),
            (7, row.subject),
            (8, detail.body),
            (9, requests_service.status_label(row.status)),
            (10, requests_service.category_label(row.category)),
            (13, kinds.get(row.first_response_kind or "", "")),
            (15, row.agent_name(lang) if row.agent_id else ""),
        ):
            set_text(ws.cell(line, col), value)
        for col in dates:
            ws.cell(line, col).number_format = "dd/mm/yyyy hh:mm"
        for event in detail.events:
            steps.append([None, local(event.at)])
            n = steps.max_row
            for col, value in (
                (1, row.reference),
                (3, event.describe(lang)),
                (4, event.username),
                (5, event.text),
            ):
                set_text(steps.cell(n, col), value)
            steps.cell(n, 2).number_format = "dd/mm/yyyy hh:mm"
    for sheet in (ws, steps):
        for index in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 22
    from desktop_app.data.db import private_output

    wb.save(private_output(path))  # a citizen's personal data: owner only (issue 16 point 7)
    return path
