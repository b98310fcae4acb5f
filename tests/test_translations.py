"""Every visible string is translated into Arabic and French, and the .ts files match the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_ts_file_has_no_unfinished_entry_even_after_lupdate(lang: str, tmp_path: Path) -> None:
    """lupdate adds new strings as unfinished; lrelease -fail-on-unfinished refuses them."""
    ts = tmp_path / f"istiqbal_{lang}.ts"
    shutil.copy(i18n_tool.ts_path(lang), ts)
    i18n_tool.lupdate(ts, lang)
    code = i18n_tool.lrelease(ts, tmp_path / "out.qm", strict=True)
    assert code == 0, f"untranslated strings: run `uv run python tools/i18n.py sync` ({lang})"


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_ts_files_target_tunisian_locales(lang: str) -> None:
    text = i18n_tool.ts_path(lang).read_text(encoding="utf-8")
    assert f'language="{lang}_TN"' in text


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_compiled_qm_matches_the_ts(lang: str, tmp_path: Path) -> None:
    built = tmp_path / "fresh.qm"
    subprocess.run([i18n_tool._tool("lrelease"), "-silent", str(i18n_tool.ts_path(lang)), "-qm",
                    str(built)], check=True)  # fmt: skip
    assert built.read_bytes() == i18n_tool.ts_path(lang).with_suffix(".qm").read_bytes()


# Issue 14.11: "attendez 1 secondes". Counts are Qt plural forms (%n): Arabic has six (zero, one,
# two, 3-10, 11-99, 100 and more), French two (0 and 1 singular, 2 and more plural).
@pytest.mark.parametrize(
    ("lang", "context", "source", "expected"),
    [
        (
            "fr",
            "LineMaintenanceTab",
            "%n d",
            {1: "1 jour", 2: "2 jours", 3: "3 jours", 11: "11 jours"},
        ),
        (
            "ar",
            "LineMaintenanceTab",
            "%n d",
            {1: "يوم واحد", 2: "يومان", 3: "3 أيام", 11: "11 يومًا"},
        ),
        ("ar", "TrainingPlanTab", "%n mo", {1: "شهر واحد", 2: "شهران", 3: "3 أشهر", 11: "11 شهرًا"}),
        (
            "fr",
            "auth",
            "Too many wrong tries: try again in %n s.",
            {
                1: "Trop d'essais erronés : réessayez dans 1 seconde.",
                2: "Trop d'essais erronés : réessayez dans 2 secondes.",
                11: "Trop d'essais erronés : réessayez dans 11 secondes.",
            },
        ),
        (
            "ar",
            "auth",
            "Too many wrong tries: try again in %n s.",
            {
                1: "محاولات خاطئة كثيرة: أعد المحاولة بعد ثانية واحدة.",
                2: "محاولات خاطئة كثيرة: أعد المحاولة بعد ثانيتين.",
                3: "محاولات خاطئة كثيرة: أعد المحاولة بعد 3 ثوانٍ.",
                11: "محاولات خاطئة كثيرة: أعد المحاولة بعد 11 ثانية.",
            },
        ),
        (
            "ar",
            "calls",
            "{number}: %n of {offered} calls lost",
            {
                1: "{number}: مكالمة واحدة ضائعة من {offered}",
                2: "{number}: مكالمتان ضائعتان من {offered}",
                3: "{number}: 3 مكالمات ضائعة من {offered}",
                11: "{number}: 11 مكالمة ضائعة من {offered}",
            },
        ),
        (
            "fr",
            "phones",
            "Digits in “{text}”: %n; a Tunisian number has 8 (e.g. 71 563 500).",
            {
                1: "« {text} » a 1 chiffre ; un numéro tunisien en a 8 (ex. 71 563 500).",
                3: "« {text} » a 3 chiffres ; un numéro tunisien en a 8 (ex. 71 563 500).",
            },
        ),
        (
            "fr",
            "sections_lines",
            "{line} (open for %n d)",
            {1: "{line} (ouverte depuis 1 jour)", 3: "{line} (ouverte depuis 3 jours)"},
        ),
    ],
)
def test_counts_take_the_plural_form_of_the_language(
    lang: str, context: str, source: str, expected: dict[int, str]
) -> None:
    from desktop_app.i18n import Translator, speaking, translate

    translator = Translator(lang)
    for n, text in expected.items():
        assert translator.translate(context, source, None, n) == text
        with speaking(translator):  # the services' translate(), as a report in that language
            assert translate(context, source, None, n) == text


def test_english_source_has_its_count_filled_in() -> None:
    from desktop_app.i18n import Translator

    assert Translator("en").translate("LineMaintenanceTab", "%n d", None, 1) == "1 d"


def test_counted_translate_calls_outside_widgets_reach_lupdate_as_counted() -> None:
    """lupdate's Python parser flattens translate(ctx, "%n …", None, n); the tool restates them."""
    calls = i18n_tool.counted_calls()
    assert any('"auth", "Too many wrong tries: try again in %n s."' in c for c in calls)
    text = i18n_tool.ts_path("ar").read_text(encoding="utf-8")
    head = text.split("<source>Too many wrong tries: try again in %n s.</source>")[0]
    assert head.rstrip().endswith('<message numerus="yes">')
