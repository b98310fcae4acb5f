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
