"""The phone-line inventory and what keeps it working: checks, faults, maintenance, peak plans,
forwarding (C8.1, C8.4, C2.4). Every rule and permission of the area lives in this package.

Reading needs READ_ALL or CHECK_LINES (agents do verification rounds); recording a check or
reporting a fault needs CHECK_LINES; everything else needs EDIT_LINES (supervisors). Callers use
the package (`lines.create_line`); each sub-area has its own module: values, rows, common,
inventory, checks, faults, maintenance, plans, forwarding, directory_import (the directory
file's rows, planned then committed: services/imports.py).
"""

from __future__ import annotations

from desktop_app.services.lines.checks import (
    WITHDRAW_WITHIN,
    add_check,
    checks_page,
    record_check,
    withdraw_check,
    withdrawable_check,
)
from desktop_app.services.lines.common import require_read, validate_line
from desktop_app.services.lines.faults import faults_page, open_fault, repair_fault, report_fault
from desktop_app.services.lines.forwarding import (
    current_forwardings,
    end_forwarding,
    forward_line,
    forwarding_agents,
    forwardings,
)
from desktop_app.services.lines.inventory import (
    count_lines,
    create_line,
    existing_numbers,
    get_line,
    insert_lines,
    lines_due_for_check,
    lines_page,
    update_line,
)
from desktop_app.services.lines.maintenance import (
    add_maintenance,
    delete_maintenance,
    maintenance_done,
    maintenance_schedule,
)
from desktop_app.services.lines.plans import delete_plan, reinforcement_plans, save_plan
from desktop_app.services.lines.rows import (
    AgentChoice,
    CheckRow,
    FaultRow,
    ForwardingRow,
    LineFilter,
    LineInput,
    LineRow,
    MaintenanceRow,
    NewLine,
    PlanInput,
    PlanRow,
)
from desktop_app.services.lines.values import (
    CLOCK_SKEW,
    KINDS,
    PUBLICATIONS,
    RESULTS,
    SOURCES,
    STATUSES,
    WORKING_RESULTS,
    check_note,
    kind_label,
    publication_label,
    result_label,
    source_label,
    status_label,
)

__all__ = [
    "AgentChoice",
    "CLOCK_SKEW",
    "CheckRow",
    "FaultRow",
    "ForwardingRow",
    "KINDS",
    "LineFilter",
    "LineInput",
    "LineRow",
    "MaintenanceRow",
    "NewLine",
    "PUBLICATIONS",
    "PlanInput",
    "PlanRow",
    "RESULTS",
    "SOURCES",
    "STATUSES",
    "WITHDRAW_WITHIN",
    "WORKING_RESULTS",
    "add_check",
    "add_maintenance",
    "check_note",
    "checks_page",
    "count_lines",
    "create_line",
    "current_forwardings",
    "delete_maintenance",
    "delete_plan",
    "end_forwarding",
    "existing_numbers",
    "faults_page",
    "forward_line",
    "forwarding_agents",
    "forwardings",
    "get_line",
    "insert_lines",
    "kind_label",
    "lines_due_for_check",
    "lines_page",
    "maintenance_done",
    "maintenance_schedule",
    "open_fault",
    "publication_label",
    "record_check",
    "reinforcement_plans",
    "repair_fault",
    "report_fault",
    "require_read",
    "result_label",
    "save_plan",
    "source_label",
    "status_label",
    "update_line",
    "validate_line",
    "withdraw_check",
    "withdrawable_check",
]
