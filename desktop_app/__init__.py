"""Istiqbal: the citizen-reception obligations of a Tunisian public body, kept and proven."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Istiqbal"
APP_ORG = "Istiqbal"
