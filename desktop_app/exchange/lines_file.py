"""The phone-lines file of CONTRACTS.md §2 (C8.1): import (preview, all-or-nothing, duplicates)
and the printable .xlsx export of the inventory.

The import is two steps so the window can show a preview: plan_import() reads and validates every
row without writing; commit_import() writes the valid lines in one transaction. import_lines() does
both for the command line. One invalid row and nothing is written, unless skip_invalid; the same
number twice (in the file or already in the inventory) is one line.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop_app.data.db import Database
from desktop_app.exchange.tabular import ChoiceMatcher, FieldSpec, Table, TabularRow, read_table
from desktop_app.i18n import is_rtl, translate
from desktop_app.services import lines, phones
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ImportResult, RowError, UserError
from desktop_app.services.lines import LineFilter, LineRow, NewLine
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.progress import NoProgress, Progress, waiting_of

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

# The contract's names, plus the labels our own export writes (so an export re-imports).
KIND_NAMES = ChoiceMatcher(
    {
        "switchboard": ["standard", "المقسم", "المحول", "لوحة التوزيع"],
        "green": ["green number", "numéro vert", "الرقم الأخضر"],
        "short": ["short number", "numéro court", "الرقم المختصر"],
        "call_centre": [
            "call center",
            "call centre",
            "centre d'appel",
            "centre d'appels",
            "مركز النداء",
        ],
        "fax": ["télécopie", "فاكس"],
        "direct": ["direct line", "ligne directe", "خط مباشر"],
        "mobile": ["service mobile", "mobile de service", "gsm", "portable", "جوال", "هاتف جوال"],
        "other": ["autre", "أخرى"],
    }
)
PUBLICATION_NAMES = ChoiceMatcher(
    {
        "website": ["web", "site", "site web", "site internet", "الموقع", "الموقع الإلكتروني"],
        "letters": ["letter", "courrier", "courriers", "lettres", "المراسلات", "الرسائل"],
        "posters": ["poster", "affiche", "affiches", "المعلقات", "الملصقات"],
        "documents": ["document", "formulaires", "الوثائق", "المطبوعات"],
    }
)


@dataclass
class PreviewRow:
    """One row of the file as the preview shows it: what it becomes, or why it cannot."""

    row: int
    number_text: str
    kind: str  # "" when the kind cell is not a kind (kind_text then says what was written)
    label: str
    department: str
    kind_text: str = ""
    new: list[NewLine] = field(default_factory=list)
    duplicates: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)


@dataclass
class ImportPlan:
    file: str
    rows: list[PreviewRow]

    @property
    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    @property
    def warnings(self) -> list[RowError]:
        return [w for r in self.rows for w in r.warnings]

    def to_insert(self, skip_invalid: bool) -> list[NewLine]:
        if self.errors and not skip_invalid:
            return []
        return [n for r in self.rows if not r.errors for n in r.new]

    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.rows if not r.errors)

    def result(self, skip_invalid: bool, imported: int | None = None) -> ImportResult:
        count = len(self.to_insert(skip_invalid)) if imported is None else imported
        return ImportResult(
            imported=count,
            skipped_duplicates=self.duplicates(),
            errors=self.errors,
            warnings=self.warnings,
        )


def _cell(row: TabularRow, key: str) -> object:
    value = row.values.get(key)
    return value.strip() if isinstance(value, str) else value


def _parse_numbers(value: object, kind: str | None) -> list[tuple[phones.ParsedNumber, str]]:
    """The cell's numbers with the kind of line each becomes. Without a kind, a full number is
    `other`, and only a short number Tunisia's plan lists (190, 197, 198) is taken as `short`:
    `7156` or `71 563` is a wrong digit count, not a short number (CONTRACTS §2)."""
    if kind is not None:
        return [(p, kind) for p in phones.parse_cell(value, kind)]
    try:
        return [(p, "other") for p in phones.parse_cell(value, "other")]
    except phones.PhoneError:
        found = phones.parse_cell(value, None)
        if any(p.short and p.warning for p in found):
            raise
        return [(p, "short" if p.short else "other") for p in found]


def _validate(row: TabularRow) -> PreviewRow:
    kind_text = row.text("kind")
    preview = PreviewRow(
        row.number,
        phones.clean_text(_cell(row, "number")),
        "",
        row.text("label"),
        row.text("department"),
        kind_text,
    )
    kind = KIND_NAMES.match(kind_text) if kind_text else None
    if kind_text and kind is None:
        preview.errors.append(
            RowError(
                row.number,
                "kind",
                translate(
                    "lines_file",
                    "“{text}” is not a kind of line (switchboard, green, short, "
                    "call_centre, fax, direct, mobile, other).",
                ).format(text=kind_text),
            )
        )
    preview.kind = kind or ""
    published: set[str] = set()
    for part in re.split(r"[;,،؛]", row.text("published_on")):
        if not part.strip():
            continue
        where = PUBLICATION_NAMES.match(part)
        if where is None:
            preview.errors.append(
                RowError(
                    row.number,
                    "published_on",
                    translate(
                        "lines_file",
                        "“{text}” is not a place of publication (website, letters, "
                        "posters, documents).",
                    ).format(text=part.strip()),
                )
            )
        else:
            published.add(where)
    extension = re.sub(r"\D", "", phones.clean_text(_cell(row, "extension")))
    try:
        found = _parse_numbers(_cell(row, "number"), kind)
    except phones.PhoneError as exc:
        preview.errors.append(RowError(row.number, "number", exc.message))
        return preview
    if not kind_text:
        preview.kind = found[0][1]
    for parsed, line_kind in found:
        if parsed.warning:
            preview.warnings.append(RowError(row.number, "number", parsed.warning))
        preview.new.append(
            NewLine(
                parsed.number,
                line_kind,
                row.text("label"),
                row.text("department"),
                parsed.extension or extension,
                frozenset(published),
            )
        )
    return preview


def _drop_duplicates(rows: list[PreviewRow], existing: set[str]) -> None:
    """The same number twice is one line. The inventory keeps one extension per number, so when
    the file gives it two (`71 563 701 poste 5`, `… poste 6`) the later row says which is lost."""
    seen = set(existing)
    first: dict[str, tuple[int, str]] = {}
    for r in rows:
        if r.errors:
            continue
        kept = []
        for n in r.new:
            if n.number in seen:
                r.duplicates += 1
                row, kept_ext = first.get(n.number, (0, ""))
                if row and n.extension and n.extension != kept_ext:
                    r.warnings.append(_extension_lost(r.row, n, row, kept_ext))
            else:
                seen.add(n.number)
                first[n.number] = (r.row, n.extension)
                kept.append(n)
        r.new = kept


def _extension_lost(row: int, line: NewLine, first_row: int, kept: str) -> RowError:
    number = phones.display_number(line.number)
    if kept:
        text = translate(
            "lines_file",
            "{number} is already on row {first} with extension {kept}; one line per number is "
            "kept, so extension {lost} of this row is not imported.",
        ).format(number=number, first=first_row, kept=kept, lost=line.extension)
    else:
        text = translate(
            "lines_file",
            "{number} is already on row {first} without an extension; one line per number is "
            "kept, so extension {lost} of this row is not imported.",
        ).format(number=number, first=first_row, lost=line.extension)
    return RowError(row, "number", text)


def _name_columns(rows: list[PreviewRow], written: dict[str, str]) -> None:
    """Messages name a column as its header is written in the file; --json keeps the key."""
    for r in rows:
        for problems in (r.errors, r.warnings):
            problems[:] = [
                dataclasses.replace(e, header=written.get(e.column, e.column)) for e in problems
            ]


def parse_directory(path: Path, progress: Progress | None = None) -> tuple[Table, list[PreviewRow]]:
    """Read and check every row of a directory file without the database (the fuzz test's
    entry point): a UserError, or the rows with their own errors."""
    progress = progress or NoProgress()
    table = read_table(Path(path), FIELDS)
    rows: list[PreviewRow] = []
    total = len(table.rows)
    for i, row in enumerate(table.rows, start=1):
        rows.append(_validate(row))
        if i % 200 == 0:
            progress.report(i, total)
            if progress.cancelled():
                from desktop_app.services.progress import Cancelled

                raise Cancelled()
    return table, rows


def plan_import(
    db: Database, actor: Actor, path: Path, progress: Progress | None = None
) -> ImportPlan:
    """Read and validate every row; nothing is written."""
    actor.require(Perm.EDIT_LINES)
    progress = progress or NoProgress()
    table, rows = parse_directory(Path(path), progress)
    total = len(table.rows)
    with db.read() as s:
        existing = lines.existing_numbers(s, [n.number for r in rows for n in r.new])
    _drop_duplicates(rows, existing)
    _name_columns(rows, table.columns)
    progress.report(total, total)
    return ImportPlan(table.source, rows)


def commit_import(
    db: Database, actor: Actor, plan: ImportPlan, *, skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:  # fmt: skip
    """Write the plan's lines in one transaction (all-or-nothing); duplicates are re-checked
    inside it, in case someone added a number since the preview. Another writer holding the
    database is waited for as an import may (issue 16 point 5), telling `progress`."""
    actor.require(Perm.EDIT_LINES)
    new = plan.to_insert(skip_invalid)
    if plan.errors and not skip_invalid:
        return plan.result(skip_invalid, imported=0)
    with db.write(wait=db.long_write_wait, waiting=waiting_of(progress)) as s:
        present = lines.existing_numbers(s, [n.number for n in new])
        fresh = [n for n in new if n.number not in present]
        imported = lines.insert_lines(s, actor, fresh)
    result = plan.result(skip_invalid, imported=imported)
    result.skipped_duplicates += len(new) - len(fresh)
    return result


def import_lines(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """`istiqbal lines import`: validate, then write unless dry_run."""
    plan = plan_import(db, actor, path, progress)
    if dry_run:
        return plan.result(skip_invalid)
    return commit_import(db, actor, plan, skip_invalid=skip_invalid, progress=progress)


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
