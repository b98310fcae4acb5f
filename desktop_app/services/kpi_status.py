"""Judging an indicator against its target: good, watch or bad, the same on the dashboard and paper.

Targets live in the settings as `target.<kpi id>`. Most indicators are better high; the delays and
backlogs below are better low. "Watch" is a band of 5 % of the target on the wrong side of it, so a
director sees what is slipping before it fails (C8.7).
"""

from __future__ import annotations

from typing import Any, Literal

from desktop_app.i18n import translate

Status = Literal["good", "watch", "bad", "none", "unmeasured", "no_data"]

# Smaller is better for these: hours, seconds and backlogs.
LOWER_IS_BETTER = frozenset({
    "req_first_response_median_h", "req_overdue_open_end", "faults_open_end",
    "fault_repair_mean_h", "cdr_ring_median_s", "cdr_callback_median_min",
    "req_backdated", "req_notice_overdue_end",  # C2.1, issue 12
})  # fmt: skip
WATCH_BAND = 0.05

# What the status looks like on screen and on paper: (background, text colour).
COLOURS: dict[str, tuple[str, str]] = {
    "good": ("#DFF0D8", "#1E6B1E"),
    "watch": ("#FCF1D4", "#8A5A00"),
    "bad": ("#F8D7DA", "#9B1C1C"),
    "none": ("#EEF1F4", "#3C4650"),
    "unmeasured": ("#F4F4F4", "#6B6B6B"),
    "no_data": ("#F4F4F4", "#6B6B6B"),
}


def target_of(settings: dict[str, Any], kpi_id: str) -> float | None:
    value = settings.get(f"target.{kpi_id}")
    return None if value is None or value == "" else float(value)


def status(kpi_id: str, value: float | int | None, target: float | None) -> Status:
    if value is None:
        return "unmeasured"
    if target is None:
        return "none"
    if kpi_id in LOWER_IS_BETTER:
        if value <= target:
            return "good"
        return "watch" if value <= target * (1 + WATCH_BAND) else "bad"
    if value >= target:
        return "good"
    return "watch" if value >= target * (1 - WATCH_BAND) else "bad"


def below_target(kpi_id: str, value: float | int | None, target: float | None) -> bool:
    """What goes into the action plan: measured, with a target, and not meeting it."""
    return status(kpi_id, value, target) in ("watch", "bad")


def status_text(state: str) -> str:
    return {
        "good": translate("kpi_status", "Good"),
        "watch": translate("kpi_status", "Watch"),
        "bad": translate("kpi_status", "Below target"),
        "none": translate("kpi_status", "No target"),
        "unmeasured": translate("kpi_status", "Not yet measurable"),
        "no_data": translate("kpi_status", "No data"),
    }[state]
