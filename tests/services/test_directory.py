"""The public directory from verified data only, as PDF read back, HTML and footer (C8.1, C2.4)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.data.db import Database
from desktop_app.data.models import OnlineService, PhoneLine
from desktop_app.data.types import utcnow
from desktop_app.services import directory, settings
from desktop_app.services.permissions import Actor

BIDI_MARKS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _fill(db: Database, admin: Actor) -> None:
    settings.update(db, admin, {"body_name_fr": "Municipalité de Test",
                                "body_name_ar": "بلدية الاختبار",
                                "public_email": "contact@commune.tn",
                                "website_url": "https://www.commune.tn/"})  # fmt: skip
    now = utcnow()
    rows = [("+21671563500", "switchboard", "Standard <b>x</b> / المقسم", "in_service", now,
             "answered"),
            ("+21680100321", "green", "Numéro vert / الرقم الأخضر", "in_service", now, "answered"),
            ("+21671563520", "direct", "Ancien / قديم", "retired", now, "answered"),
            ("+21671563530", "direct", "En panne / معطل", "in_service", now, "no_answer"),
            ("+21671563540", "direct", "Oublié / منسي", "in_service", now - timedelta(days=45),
             "answered")]  # fmt: skip
    with db.write() as s:
        for n, k, label, st, at, res in rows:
            s.add(PhoneLine(number=n, kind=k, label=label, status=st, last_checked_at=at,
                            last_check_result=res))  # fmt: skip
        s.add(OnlineService(name_fr="Extrait", name_ar="مضمون", url="https://e.tn/a?x=1&y=<2>",
                            last_check_ok=True))  # fmt: skip
        s.add(OnlineService(name_fr="Cassé", name_ar="معطل", url="https://e.tn/b",
                            last_check_ok=False))  # fmt: skip


def test_only_verified_lines_go_out_and_the_others_are_listed_with_why_c8_1(
    db: Database, admin: Actor
) -> None:
    _fill(db, admin)
    data = directory.collect(db, admin, lang="fr")
    assert [ln.display for ln in data.lines] == ["71 563 500"]
    assert [g.display for g in data.green] == ["80 100 321"]
    reasons = {x.display: x.reason for x in data.left_out}
    assert reasons == {"71 563 520": "retired", "71 563 530": "faulty at its latest check",
                       "71 563 540": "not checked in 30 days"}  # fmt: skip
    assert data.services == [("Extrait", "https://e.tn/a?x=1&y=<2>")]
    assert data.emails == ["contact@commune.tn"]
    fragment = directory.html_fragment(data)
    assert "<b>x</b>" not in fragment and "&lt;b&gt;x&lt;/b&gt;" in fragment
    assert 'href="https://e.tn/a?x=1&amp;y=&lt;2&gt;"' in fragment
    assert '<bdi dir="ltr">71 563 500</bdi>' in fragment  # keeps its order inside Arabic text
    footer = directory.footer_text(data)
    assert "71 563 500" in footer and "80 100 321" in footer and "contact@commune.tn" in footer
    arabic = directory.collect(db, admin, lang="ar")
    assert arabic.lines[0].label == "المقسم"
    assert "\u202a71 563 500\u202c" in directory.footer_text(arabic)
    assert 'dir="rtl" lang="ar"' in directory.html_fragment(arabic)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_poster_pdf_reads_back_in_arabic_and_french_c8_1_c2_4(
    db: Database, admin: Actor, tmp_path: Path, lang: str, qapp: object
) -> None:
    _fill(db, admin)
    out = tmp_path / f"poster_{lang}.pdf"
    db_file = tmp_path / "istiqbal.sqlite"
    assert main(["--db", str(db_file), "directory", "--out", str(out), "--lang", lang]) == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "595 x 842" in info.stdout  # A4
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    plain = "".join(c for c in unicodedata.normalize("NFKC", text) if c not in BIDI_MARKS)
    assert "71 563 500" in plain and "80 100 321" in plain and "contact@commune.tn" in plain
    assert "563 530" not in plain
    if lang == "fr":
        assert "Municipalité de Test" in plain and "Numéro vert" in plain
    else:  # shaped glyphs come back as presentation forms; NFKC folds them to letters
        assert "الاختبار" in plain or "الاختبار"[::-1] in plain


def test_a_poster_into_a_missing_folder_is_one_sentence_c8_1(
    db: Database, admin: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    """Qt's PDF writer said only "QPainter::begin(): Returned false" and the message repeated
    the path as its reason."""
    out = tmp_path / "nowhere" / "poster.pdf"
    assert main(["--db", str(tmp_path / "istiqbal.sqlite"), "directory", "--out", str(out),
                 "--lang", "fr"]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert "nowhere" in err and "QPainter" not in err and "Traceback" not in err
    assert err.strip().count("\n") == 0
    assert not out.parent.exists()


def test_the_command_says_how_many_lines_went_out_and_why_the_others_not_c8_1(
    db: Database, admin: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Counts after their names: «12 خطوط، 6 مستبعدة» agreed with no number."""
    _fill(db, admin)
    out = tmp_path / "footer.txt"
    assert main(["--db", str(tmp_path / "istiqbal.sqlite"), "directory", "--out", str(out),
                 "--lang", "fr"]) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert captured.out.strip() == f"Annuaire écrit dans {out} : 1 ligne, 3 écartées."
    assert "71 563 530 — En panne: en panne à la dernière vérification" in captured.err


def test_the_arabic_footer_keeps_each_value_after_its_sign_c8_1(db: Database, admin: Actor) -> None:
    """Without a right-to-left mark after each embedded value, the " — " between two of them
    joined them into one left-to-right run: "☎ http://… — contact@… ✉ — 71 563 500"."""
    _fill(db, admin)
    footer = directory.footer_text(directory.collect(db, admin, lang="ar"))
    assert "☎ \u202a71 563 500\u202c\u200f — " in footer
    assert footer.endswith("\u202ahttps://www.commune.tn/\u202c\u200f")
