"""The phone-lines directory file's rows (CONTRACTS.md §2, C8.1): checked, planned, then committed.

exchange/lines_file.py reads the file into cells; this module holds the directory's rules (kinds
and places of publication as people write them, numbers through services/phones.py, one line per
number). plan_lines_import() writes nothing (the window's preview, `--dry-run`);
commit_lines_plan() writes the plan's lines in one transaction (services/imports.py). One invalid
row and nothing is written, unless skip_invalid; the same number twice (in the file or already in
the inventory) is one line.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.data.db import Database
from desktop_app.i18n import translate
from desktop_app.services import phones
from desktop_app.services.choices import ChoiceMatcher
from desktop_app.services.errors import ImportResult, RowError
from desktop_app.services.imports import FileRow, PlanCounts, invalid_rows
from desktop_app.services.lines.inventory import existing_numbers, insert_lines
from desktop_app.services.lines.rows import NewLine
from desktop_app.services.permissions import Actor, Perm, leaves_no_check_pending
from desktop_app.services.progress import Cancelled, NoProgress, Progress, waiting_of

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
class LinesPlan:
    """The checked directory (services/imports.py's shape); nothing of it is written yet."""

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

    @property
    def counts(self) -> PlanCounts:
        return PlanCounts(
            new=len(self.to_insert(skip_invalid=True)),
            duplicates=self.duplicates(),
            invalid=invalid_rows(self.errors),
        )

    def result(self, skip_invalid: bool, imported: int | None = None) -> ImportResult:
        count = len(self.to_insert(skip_invalid)) if imported is None else imported
        return ImportResult(
            imported=count,
            skipped_duplicates=self.duplicates(),
            errors=self.errors,
            warnings=self.warnings,
        )


def _cell(row: FileRow, key: str) -> object:
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


def check_row(row: FileRow) -> PreviewRow:
    """One row checked by the directory's rules alone (CONTRACTS §2, C8.1), without the database."""
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


def require_import(actor: Actor) -> None:
    """Importing a directory is a lines editor's right, checked before the file is read."""
    actor.require(Perm.EDIT_LINES)


def check_rows(rows: Sequence[FileRow], progress: Progress | None = None) -> list[PreviewRow]:
    """Every row checked without the database (the fuzz test's entry point, through
    exchange's parse_directory); Cancel is honoured every 200 rows."""
    progress = progress or NoProgress()
    checked: list[PreviewRow] = []
    total = len(rows)
    for i, row in enumerate(rows, start=1):
        checked.append(check_row(row))
        if i % 200 == 0:
            progress.report(i, total)
            if progress.cancelled():
                raise Cancelled()
    return checked


@leaves_no_check_pending
def plan_lines_import(
    db: Database,
    actor: Actor,
    file: str,
    rows: Sequence[FileRow],
    columns: dict[str, str],
    progress: Progress | None = None,
) -> LinesPlan:
    """Check every row and drop the duplicates; nothing is written. `columns` maps each key to
    its header as written in the file, which the messages name."""
    require_import(actor)
    progress = progress or NoProgress()
    checked = check_rows(rows, progress)
    with db.read() as s:
        existing = existing_numbers(s, [n.number for r in checked for n in r.new])
    _drop_duplicates(checked, existing)
    _name_columns(checked, columns)
    progress.report(len(rows), len(rows))
    return LinesPlan(file, checked)


@leaves_no_check_pending
def commit_lines_plan(
    db: Database, actor: Actor, plan: LinesPlan, *, skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:  # fmt: skip
    """Write the plan's lines in one transaction (all-or-nothing); duplicates are re-checked
    inside it, in case someone added a number since the preview. Another writer holding the
    database is waited for as an import may (issue 16 point 5), telling `progress`."""
    if plan.errors and not skip_invalid:
        return plan.result(skip_invalid, imported=0)  # nothing to write, no rights to confirm
    require_import(actor)
    new = plan.to_insert(skip_invalid)
    with db.write(wait=db.long_write_wait, waiting=waiting_of(progress)) as s:
        present = existing_numbers(s, [n.number for n in new])
        fresh = [n for n in new if n.number not in present]
        imported = insert_lines(s, actor, fresh)
    result = plan.result(skip_invalid, imported=imported)
    result.skipped_duplicates += len(new) - len(fresh)
    return result
