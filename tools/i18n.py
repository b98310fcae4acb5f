"""Keep the translations in step with the code: lupdate, fill from the glossaries, lrelease.

    uv run python tools/i18n.py sync      # after adding or changing any visible string
    uv run python tools/i18n.py missing   # list what still needs translating, as glossary JSON

The .ts files are what Qt Linguist edits; resources/i18n/glossary/<area>.json hold the same
translations per area ({"context": {"source": {"ar": "...", "fr": "..."}}}) so that several
people can add strings at once without fighting over one XML file. A translation typed in
Linguist is kept: the glossary only fills entries that are still unfinished.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
GLOSSARY = I18N / "glossary"
TARGETS = {"ar": "ar_TN", "fr": "fr_TN"}  # ar_TN, not ar (which lupdate tags ar_EG)


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    return str(exe) if exe.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return I18N / f"istiqbal_{lang}.ts"


def counted_calls() -> list[str]:
    """`translate(context, "... %n ...", disambiguation, n)` calls outside widgets, written out
    again with a literal count: lupdate's Python parser marks such a call as counted (numerus,
    one form per plural form of the language) only when the count is a literal number, and
    skips or flattens `translate(..., None, n)`; `self.tr(..., None, n)` it reads right."""
    lines: list[str] = []
    for name in sources():
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            context, source = node.args[0], node.args[1]
            if (
                called == "translate"
                and isinstance(context, ast.Constant) and isinstance(context.value, str)
                and isinstance(source, ast.Constant) and isinstance(source.value, str)
                and "%n" in source.value
            ):  # fmt: skip
                comment = node.args[2] if len(node.args) > 2 else None
                text = comment.value if isinstance(comment, ast.Constant) else None
                lines.append(
                    f"QCoreApplication.translate({json.dumps(context.value)}, "
                    f"{json.dumps(source.value)}, {json.dumps(text) if text else 'None'}, 1)"
                )
    return lines


def lupdate(ts: Path, lang: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # Listed first: lupdate keeps the first reading of a message, here the counted one.
        counted = Path(tmp) / "counted_calls.py"
        counted.write_text("\n".join(counted_calls()) + "\n", encoding="utf-8")
        subprocess.run(
            [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
             "-target-language", TARGETS[lang], str(counted), *sources(), "-ts", str(ts)],
            cwd=ROOT, check=True,
        )  # fmt: skip


def load_glossary() -> dict[tuple[str, str], dict[str, str | list[str]]]:
    merged: dict[tuple[str, str], dict[str, str | list[str]]] = {}
    for file in sorted(GLOSSARY.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        for context, entries in data.items():
            for source, translations in entries.items():
                merged.setdefault((context, source), {}).update(translations)
    return merged


def fill(ts: Path, lang: str) -> list[tuple[str, str]]:
    """Fill unfinished entries from the glossary; returns what is still missing."""
    glossary = load_glossary()
    tree = ET.parse(ts)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            # A counted message (tr(..., n=count), "%n") holds one <numerusform> per plural form
            # of the language (Arabic six, French two); its glossary entry is a list of them.
            forms = translation.findall("numerusform")
            done = (
                all((f.text or "").strip() for f in forms)
                if forms
                else bool((translation.text or "").strip())
            )
            if translation.get("type") != "unfinished" and done:
                continue
            text = glossary.get((name, source), {}).get(lang)
            if text is None and name != "*":  # "*": a translation good in every context
                text = glossary.get(("*", source), {}).get(lang)
            if text:
                texts = text if isinstance(text, list) else [text]
                if forms:
                    for i, form in enumerate(forms):
                        form.text = texts[min(i, len(texts) - 1)]
                else:
                    translation.text = texts[0]
                translation.attrib.pop("type", None)
            else:
                missing.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")  # fmt: skip
    return missing


def lrelease(ts: Path, qm: Path, strict: bool = False) -> int:
    args = [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)]
    if strict:
        args.insert(1, "-fail-on-unfinished")
    return subprocess.run(args, cwd=ROOT).returncode


def sync() -> int:
    GLOSSARY.mkdir(parents=True, exist_ok=True)
    still_missing: dict[str, list[tuple[str, str]]] = {}
    for lang in TARGETS:
        ts = ts_path(lang)
        lupdate(ts, lang)
        still_missing[lang] = fill(ts, lang)
        lrelease(ts, ts.with_suffix(".qm"))
    for lang, items in still_missing.items():
        for context, source in items:
            print(f"untranslated [{lang}] {context}: {source}")
    return 1 if any(still_missing.values()) else 0


def missing() -> int:
    skeleton: dict[str, dict[str, dict[str, str]]] = {}
    for lang in TARGETS:
        ts = ts_path(lang)
        lupdate(ts, lang)
        for context, source in fill(ts, lang):
            skeleton.setdefault(context, {}).setdefault(source, {})[lang] = ""
    print(json.dumps(skeleton, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "sync"
    sys.exit({"sync": sync, "missing": missing}[command]())
