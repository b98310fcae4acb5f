"""Every indicator with a natural target has one by default, with its direction (C8.7)."""

from __future__ import annotations

from desktop_app.services import settings
from desktop_app.services.kpi_status import LOWER_IS_BETTER, below_target, status, target_of
from desktop_app.services.kpis import KPI_IDS

# Counts over the period grow with its length and the body's size; the rest describe the body.
NO_TARGET = {
    "req_received", "req_assessable", "req_on_time", "req_notice", "req_closed",
    "req_complaints", "req_special_category", "faults_reported", "evals_count", "cdr_calls",
    "cdr_missed",
    "training_sessions", "training_person_hours", "lines_active", "agents_active",
    "cdr_peak_hour", "services_count", "req_email_received",
}  # fmt: skip


def test_every_indicator_but_period_counts_has_a_default_target_c8_7() -> None:
    defaults = {k: s.default for k, s in settings.SPECS.items()}
    with_target = {k for k in KPI_IDS if target_of(defaults, k) is not None}
    assert with_target == set(KPI_IDS) - NO_TARGET
    assert len(with_target) == 23  # i13: 1, i17: 2, issue 12: 2, mail: 2


def test_delays_and_backlogs_are_judged_lower_is_better_c8_7() -> None:
    defaults = {k: s.default for k, s in settings.SPECS.items()}
    assert {"req_overdue_open_end", "faults_open_end", "fault_repair_mean_h",
            "req_first_response_median_h", "cdr_ring_median_s", "req_backdated",
            "req_notice_overdue_end"} <= LOWER_IS_BETTER  # fmt: skip
    # Four requests overdue against a target of none: below target, in the action plan.
    target = target_of(defaults, "req_overdue_open_end")
    assert status("req_overdue_open_end", 4, target) == "bad"
    assert below_target("req_overdue_open_end", 4, target)
    assert status("req_overdue_open_end", 0, target) == "good"
    # A median first answer of 30 h against 24 h is bad, 12 h is good.
    target = target_of(defaults, "req_first_response_median_h")
    assert status("req_first_response_median_h", 30.0, target) == "bad"
    assert status("req_first_response_median_h", 12.0, target) == "good"
