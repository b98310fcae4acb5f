"""Citizen requests (C2.1, C2.3, C8.6): their life, the register's paged query, personal data.

Every step (create, assign, first response as an answer or a notice, further answers, close,
reopen) is timestamped, attributed, written to the request's timeline and to the audit trail in
the same transaction. The deadline state is computed (services/deadlines.py), never typed.
Citizens' names, contacts and texts are personal data (law 2004-63): only roles with
READ_PERSONAL_DATA see them; a retention purge removes them after the legal period, with a
preview first and a record after; a citizen's own data can be exported (right of access).

Callers use the package (`requests.respond`); each part has its own module: values, rows,
common, lifecycle, register, personal_data, register_import (the register file's rows,
planned then committed: services/imports.py).
"""

from __future__ import annotations

# Re-exported: the register's import and the demo data take references through this package.
from desktop_app.services.references import ReferenceAllocator, next_reference
from desktop_app.services.requests.common import (
    normalise_contact,
    require_read,
    restate,
    state_text,
    warning_hours,
)
from desktop_app.services.requests.lifecycle import (
    agent_choices,
    assign,
    bulk_insert,
    close,
    create_request,
    get_request,
    reopen,
    respond,
    withdraw_response,
)
from desktop_app.services.requests.personal_data import (
    CitizenData,
    PurgePreview,
    PurgeRecord,
    citizen_data,
    fingerprint_key,
    fold_name,
    purge,
    purge_history,
    purge_preview,
    query_fingerprint,
)
from desktop_app.services.requests.register import (
    agent_rank,
    count_matching,
    entering_warning,
    like_pattern,
    list_page,
    notice_overdue_condition,
    sort_values,
    state_condition,
    state_counts,
    state_counts_in,
)
from desktop_app.services.requests.register_import import (
    RegisterPlan,
    commit_register_plan,
    plan_register_import,
)
from desktop_app.services.requests.rows import (
    AgentChoice,
    EventRow,
    RequestDetail,
    RequestFilter,
    RequestRow,
)
from desktop_app.services.requests.values import (
    DATED_STEPS,
    SORT_KEYS,
    STATE_KEYS,
    category_label,
    channel_label,
    close_reason_label,
    event_label,
    notice_reason_label,
    status_label,
    type_label,
)

__all__ = [
    "AgentChoice",
    "CitizenData",
    "DATED_STEPS",
    "EventRow",
    "PurgePreview",
    "PurgeRecord",
    "RegisterPlan",
    "ReferenceAllocator",
    "RequestDetail",
    "RequestFilter",
    "RequestRow",
    "SORT_KEYS",
    "STATE_KEYS",
    "agent_choices",
    "agent_rank",
    "assign",
    "bulk_insert",
    "category_label",
    "channel_label",
    "citizen_data",
    "close",
    "commit_register_plan",
    "close_reason_label",
    "count_matching",
    "create_request",
    "entering_warning",
    "event_label",
    "fingerprint_key",
    "fold_name",
    "get_request",
    "like_pattern",
    "list_page",
    "next_reference",
    "normalise_contact",
    "notice_overdue_condition",
    "notice_reason_label",
    "plan_register_import",
    "purge",
    "purge_history",
    "purge_preview",
    "query_fingerprint",
    "reopen",
    "require_read",
    "respond",
    "restate",
    "sort_values",
    "state_condition",
    "state_counts",
    "state_counts_in",
    "state_text",
    "status_label",
    "type_label",
    "warning_hours",
    "withdraw_response",
]
