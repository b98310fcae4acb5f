"""resource_path(): files shipped with the app, from the source tree or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    source_tree = Path(__file__).resolve().parent.parent / "resources"
    if source_tree.is_dir():
        return source_tree
    return Path(__file__).resolve().parent / "_resources"  # installed wheel


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
