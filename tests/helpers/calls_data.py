"""Hand-made phone lines and agents for the call-quality tests, written to the core tables."""

from __future__ import annotations

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, PhoneLine

SWITCHBOARD, GREEN, SHORT = "+21671563500", "+21680100321", "1899"


def make_lines(db: Database) -> dict[str, int]:
    with db.write() as s:
        lines = [PhoneLine(number=n, kind=k, label=label) for n, k, label in (
            (SWITCHBOARD, "switchboard", "Standard"),
            (GREEN, "green", "Numéro vert"),
            (SHORT, "short", "Numéro court"),
        )]  # fmt: skip
        s.add_all(lines)
        s.flush()
        return {line.number: line.id for line in lines}


def make_agents(db: Database) -> list[int]:
    with db.write() as s:
        agents = [
            Agent(name_ar="نادية الغربي", name_fr="Nadia Gharbi", extension="201"),
            Agent(name_ar="سامي الجزيري", name_fr="Sami Jaziri", extension="202"),
        ]
        s.add_all(agents)
        s.flush()
        return [a.id for a in agents]
