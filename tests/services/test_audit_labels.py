"""The audit page names actions and kinds of record in words, for every code a service records."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop_app.services import audit

SERVICES = Path(__file__).resolve().parents[2] / "desktop_app"
# Codes passed through a variable (requests' responses, upserts, guides' new versions).
INDIRECT_ACTIONS = {"answer", "notice", "assign", "close", "reopen", "create", "update",
                    "new_version"}  # fmt: skip


def _recorded_codes() -> tuple[set[str], set[str]]:
    actions: set[str] = set()
    entities: set[str] = set()
    for path in SERVICES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "record"
                and len(node.args) >= 4
            ):
                action, entity = node.args[2], node.args[3]
                if isinstance(action, ast.Constant):
                    actions.add(action.value)
                if isinstance(entity, ast.Constant):
                    entities.add(entity.value)
    return actions | INDIRECT_ACTIONS, entities


def test_every_recorded_action_and_entity_has_a_label() -> None:
    actions, entities = _recorded_codes()
    assert len(actions) > 10 and len(entities) > 10
    assert [a for a in sorted(actions) if audit.action_label(a) == a] == []
    assert [e for e in sorted(entities) if audit.entity_label(e) == e] == []


def test_an_unknown_code_is_shown_as_it_is() -> None:
    assert audit.action_label("frobnicate") == "frobnicate"
    assert audit.entity_label("gizmo") == "gizmo"
