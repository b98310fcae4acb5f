"""One agent's profile (C8.5) in one call: what every tab of an agent's page shows.

The agents page used to make six service calls on the GUI thread each time an agent was chosen;
it now makes this one, in the background (issue 15.3). It lives beside `agents.py`, not in it,
because guides imports agents: gathering the areas here keeps the import graph acyclic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.data.db import Database
from desktop_app.services import equipment, guides, legal_updates, recognition, training
from desktop_app.services.agents_common import require_read
from desktop_app.services.equipment import ItemRow
from desktop_app.services.permissions import Actor
from desktop_app.services.recognition import AwardRow
from desktop_app.services.training import AgentTraining, PlanGap


@dataclass(frozen=True)
class AgentProfile:
    """An agent's training (attended or not), the plan rules they miss, guides in force with what
    they read, legal updates they were told of, recognitions, and their post's equipment."""

    agent_id: int
    training: list[AgentTraining]
    gaps: list[PlanGap]
    guides: list[dict[str, Any]]
    notices: list[tuple[str, date, date]]
    awards: list[AwardRow]
    equipment: list[ItemRow]  # in EQUIPMENT_KINDS order; empty when the agent has no post


def profile(
    db: Database, actor: Actor, agent_id: int, post_id: int | None, today: date
) -> AgentProfile:
    """Everything the agent's page shows besides the agent's own fields (C8.5); read-only.
    `post_id` is the agent's post (from their AgentInfo), `today` the day the plan is judged on."""
    require_read(actor)
    posts = equipment.list_posts(db, actor, today) if post_id is not None else []
    post = next((p for p in posts if p.id == post_id), None)
    items = [post.items[k] for k in equipment.EQUIPMENT_KINDS if post and k in post.items]
    return AgentProfile(
        agent_id=agent_id,
        training=training.agent_history(db, actor, agent_id),
        gaps=training.plan_gaps(db, actor, today, agent_id=agent_id),
        guides=guides.acknowledged_by_agent(db, actor, agent_id),
        notices=legal_updates.agent_notices(db, actor, agent_id),
        awards=recognition.list_awards(db, actor, agent_id=agent_id),
        equipment=items,
    )
