"""The phone-lines file of CONTRACTS.md §2 (C8.1): reading it for the import, and the printable
.xlsx export of the inventory.

The directory's rules and the import's plan and commit are services/lines/directory_import.py's
(services/imports.py's shape): plan_lines() reads the file once and plans without writing (the
window's preview, `--dry-run`); import_lines() plans and commits for the command line.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app.data.db import Database
from desktop_app.exchange.tabular import FieldSpec, Table, read_table
from desktop_app.i18n import is_rtl, translate
from desktop_app.services import lines
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ImportResult, UserError
from desktop_app.services.lines import LineFilter, LineRow, directory_import
from desktop_app.services.lines.directory_import import LinesPlan, PreviewRow
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, leaves_no_check_pending
from desktop_app.services.progress import NoProgress, Progress

FIELDS = (
    FieldSpec(
        "number",
        ("number", "numéro", "numero", "téléphone", "tel", "الرقم", "رقم الهاتف"),
        required=True,
    ),
    FieldSpec("kind", ("kind", "type", "nature", "النوع")),
    FieldSpec("label", ("label", "libellé", "libelle", "désignation", "التسمية")),
    FieldSpec("department", ("department", "service", "direction", "المصلحة", "الإدارة")),
    FieldSpec("published_on", ("published_on", "publié sur", "النشر")),
    FieldSpec("extension", ("extension", "poste", "الداخلي")),
)


def parse_directory(path: Path, progress: Progress | None = None) -> tuple[Table, list[PreviewRow]]:
    """Read and check every row of a directory file without the database (the fuzz test's
    entry point): a UserError, or the rows with their own errors."""
    table = read_table(Path(path), FIELDS)
    return table, directory_import.check_rows(table.rows, progress)


@leaves_no_check_pending
def plan_lines(
    db: Database, actor: Actor, path: Path, progress: Progress | None = None
) -> LinesPlan:
    """Read the file once and plan its import (the window's preview, `--dry-run`)."""
    directory_import.require_import(actor)  # before reading: a refused user learns that first
    table = read_table(Path(path), FIELDS)
    return directory_import.plan_lines_import(
        db, actor, table.source, table.rows, table.columns, progress
    )


def import_lines(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """`istiqbal lines import`: plan, then commit unless dry_run."""
    plan = plan_lines(db, actor, path, progress)
    if dry_run:
        return plan.result(skip_invalid)
    return directory_import.commit_lines_plan(
        db, actor, plan, skip_invalid=skip_invalid, progress=progress
    )


# -- export -------------------------------------------------------------------------------------
def _headers() -> list[str]:
    return [
        translate("lines_file", "Number"),
        translate("lines_file", "Extension"),
        translate("lines_file", "Kind"),
        translate("lines_file", "Label"),
        translate("lines_file", "Department"),
        translate("lines_file", "Published on"),
        translate("lines_file", "Status"),
        translate("lines_file", "Last check"),
        translate("lines_file", "Result"),
        translate("lines_file", "Forwarded to"),
        translate("lines_file", "International form"),
    ]


WIDTHS = (16, 10, 18, 34, 26, 30, 14, 18, 28, 30, 18)


def _all_lines(db: Database, actor: Actor) -> list[LineRow]:
    flt = LineFilter(include_retired=True, sort="number")
    rows: list[LineRow] = []
    after: LineRow | None = None
    while True:
        page = lines.lines_page(db, actor, flt, after=after, limit=500)
        rows.extend(page)
        if len(page) < 500:
            return rows
        after = page[-1]


def export_lines(
    db: Database, actor: Actor, path: Path, lang: str, progress: Progress | None = None
) -> int:
    """The inventory as a printable sheet (right-to-left in Arabic); returns the lines written.

    Text typed by people (labels, departments, agents' names) is written as text, never as a
    formula, whatever it begins with.
    """
    lines.require_read(actor)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from desktop_app.data.db import private_output
    from desktop_app.exchange.xlsx_print import page_footer
    from desktop_app.exchange.xlsx_safe import set_text

    progress = progress or NoProgress()
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            translate("lines_file", "The export is an Excel file: give a name ending in .xlsx.")
        )
    rows = _all_lines(db, actor)
    values = settings_service.get_all(db)
    body = values.get("body_name_ar" if lang == "ar" else "body_name_fr", "") or ""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = translate("lines_file", "Phone lines")[:31]
    ws.sheet_view.rightToLeft = is_rtl(lang)
    title = translate("lines_file", "Phone lines published to the public")
    set_text(ws.cell(row=1, column=1), f"{body} — {title}" if body else title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    stamp = datetime.now(TUNIS).strftime("%d/%m/%Y %H:%M")
    set_text(
        ws.cell(row=2, column=1), translate("lines_file", "Exported on {date}").format(date=stamp)
    )
    header_row = 4
    fill = PatternFill("solid", fgColor="DDE6F0")
    for col, text in enumerate(_headers(), start=1):
        cell = set_text(ws.cell(row=header_row, column=col), text)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for i, r in enumerate(rows, start=header_row + 1):
        fwd = ""
        if r.forwarding is not None:
            fwd = f"{r.forwarding.agent_name(lang)} ({r.forwarding.target_display})"
        published = "; ".join(
            lines.publication_label(w) for w in lines.PUBLICATIONS if w in r.published
        )
        texts = [
            r.display,
            r.extension,
            lines.kind_label(r.kind),
            r.label,
            r.department,
            published,
            lines.status_label(r.status),
        ]
        for col, text in enumerate(texts, start=1):
            set_text(ws.cell(row=i, column=col), text)
        if r.last_checked_at is not None:
            cell = ws.cell(
                row=i, column=8, value=r.last_checked_at.astimezone(TUNIS).replace(tzinfo=None)
            )
            cell.number_format = "dd/mm/yyyy hh:mm"
        set_text(ws.cell(row=i, column=9), lines.result_label(r.last_check_result))
        set_text(ws.cell(row=i, column=10), fwd)
        set_text(ws.cell(row=i, column=11), r.number)
        progress.report(i - header_row, len(rows))
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    last_col = get_column_letter(len(WIDTHS))
    ws.auto_filter.ref = f"A{header_row}:{last_col}{max(header_row, header_row + len(rows))}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.center.text = (f"{body} — {title}" if body else title).replace("&", "&&")
    footer = translate("lines_file", "Page &P of &N")
    ws.oddFooter.center.text = page_footer(footer, rtl=is_rtl(lang))
    try:
        wb.save(private_output(path))  # 0600 before the first byte: agents' names (issue 16)
    except PermissionError as exc:
        raise UserError(
            translate(
                "lines_file", "{file} cannot be written: is it open in another program?"
            ).format(file=path.name)
        ) from exc
    except OSError as exc:
        raise UserError(
            translate("lines_file", "{file} cannot be written: {reason}").format(
                file=path.name, reason=exc.strerror or exc
            )
        ) from exc
    return len(rows)
