"""Issue 16: a property-based fuzz of the three importers' parsers (lines directory, requests
register, Asterisk CDR). Whatever the bytes — mutated real files, random bytes, odd cells — the
parser succeeds or raises a UserError of one sentence; never another exception. Bounded in time
and derandomised, so CI runs the same ~150 examples per parser every time."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop_app.exchange.cdr import iter_cdr
from desktop_app.exchange.lines_file import parse_directory
from desktop_app.exchange.requests_file import parse_register
from desktop_app.services.errors import RowError, UserError

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
SAMPLE_CDR = (Path(__file__).parent / "data" / "Master.csv").read_bytes()[:3000]
LINES_CSV = (
    "Annuaire — Municipalité\n\nNuméro / الرقم;Type;Libellé;Service;Publié sur\n"
    '71 563 500 poste 214;Standard;Accueil;Secrétariat;"website; letters"\n'
    "Fax : 71 563 501;télécopie;Bureau d'ordre;;site web\n80 100 321;numéro vert;Vert;;\n"
).encode("utf-8-sig")
REQUESTS_CSV = (
    "Référence;Reçu le;Canal;Type;Citoyen;Contact;Objet;Première réponse;Type de réponse\n"
    "2026-000001;03/02/2026 14:20;courrier;demande;Ali;ali@gnet.tn;Acte;04/02/2026 09:00;réponse\n"
    ";2026-02-05 08:00;guichet;réclamation;;22 134 567;Éclairage;;\n"
).encode("cp1252", errors="replace")

FUZZ = settings(
    max_examples=150,
    deadline=timedelta(seconds=3),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _xlsx(text: bytes) -> bytes:
    """The same rows as a workbook, so that mutations also hit the zip and the XML."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for line in text.decode("utf-8-sig", errors="replace").splitlines():
        ws.append(line.split(";"))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(
                st.sampled_from([b"\x00", b'"', b";", b"\n", b"\r", b"\xef\xbb\xbf", b"\xff\xfe",
                                 b"=1+1", b"0001-01-01 00:00:00", b"9" * 30, b",,,,", b"\xd9"])
            )  # fmt: skip
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        elif kind == "repeat" and data:
            piece = bytes(data[at : at + 40])
            data[at:at] = piece * draw(st.integers(1, 20))
    return bytes(data)


def cells() -> st.SearchStrategy[bytes]:
    """Rows of odd cells in whatever separator and encoding."""
    cell = st.one_of(
        st.text(max_size=30),
        st.sampled_from(["Numéro", "Objet", "Reçu le", "Canal", "Type", "src", "dst", "31/02/2026",
                         "2026-13-01 25:61", "٠٣/٠٢/٢٠٢٦", "1e400", "-0", "NaN", "+216 71"]),
    )  # fmt: skip
    row = st.lists(cell, max_size=12)
    return st.tuples(st.lists(row, max_size=15), st.sampled_from([";", ",", "\t"]),
                     st.sampled_from(["utf-8", "utf-8-sig", "cp1256", "utf-16"])).map(
        lambda t: "\n".join(t[1].join(r) for r in t[0]).encode(t[2], errors="replace")
    )  # fmt: skip


def _inputs(seed: bytes) -> st.SearchStrategy[tuple[bytes, str]]:
    return st.one_of(
        st.tuples(mutated(seed), st.just(".csv")),
        st.tuples(mutated(_xlsx(seed)), st.just(".xlsx")),
        st.tuples(st.binary(max_size=3000), st.sampled_from([".csv", ".xlsx"])),
        st.tuples(cells(), st.just(".csv")),
    )


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="istiqbal-fuzz-") as name:
        yield Path(name)


def _one_sentence_or_success(
    folder: Path, data: bytes, suffix: str, parse: Callable[[Path], object]
) -> None:
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    try:
        parse(path)
    except UserError as exc:
        message = str(exc)
        assert message.strip(), "an empty message"
        assert "Traceback" not in message
        assert "\n" not in message.strip() or exc.row_errors, message


def _cdr(path: Path) -> None:
    for item in iter_cdr(path):
        if isinstance(item, RowError):
            assert item.message and "\n" not in item.message
        else:
            _ = (item.natural_key, item.ring_seconds, item.call_id, item.answered)


@FUZZ
@given(case=_inputs(LINES_CSV))
def test_issue16_fuzz_the_lines_directory_parser(folder: Path, case: tuple[bytes, str]) -> None:
    _one_sentence_or_success(folder, *case, parse_directory)


@FUZZ
@given(case=_inputs(REQUESTS_CSV))
def test_issue16_fuzz_the_requests_register_parser(folder: Path, case: tuple[bytes, str]) -> None:
    _one_sentence_or_success(folder, *case, lambda p: parse_register(p, NOW))


@FUZZ
@given(data=st.one_of(mutated(SAMPLE_CDR), st.binary(max_size=3000), cells()))
def test_issue16_fuzz_the_cdr_parser(folder: Path, data: bytes) -> None:
    _one_sentence_or_success(folder, data, ".csv", _cdr)
