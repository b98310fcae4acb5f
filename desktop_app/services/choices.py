"""Matching what people write in a cell (`Numéro vert`, `الرقم الأخضر`) to a canonical value."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"[\s\u00a0\u200e\u200f\u202a-\u202e\u2066-\u2069_]+")


def normalise_key(text: object) -> str:
    """Case-, accent- and space-insensitive form: `Numéro  Vert` → `numero vert`.

    Arabic keeps its letters (only tatweel and diacritics go), Latin loses its accents.
    """
    s = unicodedata.normalize("NFKD", str(text)).casefold()
    s = "".join(ch for ch in s if not unicodedata.combining(ch) and ch != "\u0640")
    s = s.replace("’", "'").replace("`", "'")
    s = _SPACES.sub(" ", s).strip(" :.-")
    return s


class ChoiceMatcher:
    """Maps what people write (`Numéro vert`, `الرقم الأخضر`) to a canonical value (`green`).

    In services, not exchange, because the services validate an import's rows (the value
    names are rules of the register, CONTRACTS §2); exchange only reads the cells."""

    def __init__(self, names: dict[str, Iterable[str]]) -> None:
        self._lookup: dict[str, str] = {}
        for canonical, aliases in names.items():
            for alias in (canonical, *aliases):
                self._lookup[normalise_key(alias)] = canonical

    def match(self, text: object) -> str | None:
        if text is None:
            return None
        return self._lookup.get(normalise_key(text))
