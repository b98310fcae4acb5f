"""Translated names of the indicators of CONTRACTS.md §3, for the report and the settings."""

from __future__ import annotations

from desktop_app.i18n import translate


def labels() -> dict[str, str]:
    return {
        "req_received": translate("kpi", "Requests received"),
        "req_assessable": translate("kpi", "Requests whose deadline can be judged"),
        "req_on_time": translate("kpi", "Requests answered or noticed on time"),
        "req_on_time_pct": translate("kpi", "Requests answered within the legal 48 hours (%)"),
        "req_notice": translate(
            "kpi", "Senders told the answer needs documents to consult or coordination"
        ),
        "req_first_response_median_h": translate("kpi", "Median hours to first response"),
        "req_overdue_open_end": translate("kpi", "Requests overdue and unanswered at period end"),
        "req_closed": translate("kpi", "Requests closed"),
        "req_complaints": translate("kpi", "Complaints received"),
        "req_special_category": translate("kpi", "Requests from particular categories of users"),
        "req_email_received": translate("kpi", "Requests received by e-mail"),
        "req_email_on_time_pct": translate("kpi", "E-mail requests answered within 48 hours (%)"),
        "mail_addresses_ok_pct": translate("kpi", "Published e-mail addresses proven to work (%)"),
        "req_backdated": translate("kpi", "First responses entered after the fact"),
        "req_notice_overdue_end": translate(
            "kpi", "Notices past their announced answer date without an answer at period end"
        ),
        "services_count": translate("kpi", "Online services in the catalogue"),
        "services_links_ok_pct": translate("kpi", "Online services whose link works (%)"),
        "lines_active": translate("kpi", "Phone lines in service"),
        "lines_checked_pct": translate("kpi", "Lines checked in the period (%)"),
        "lines_working_pct": translate("kpi", "Lines working at their last check (%)"),
        "lines_on_website_pct": translate("kpi", "Lines published on the website (%)"),
        "faults_reported": translate("kpi", "Line faults reported"),
        "faults_open_end": translate("kpi", "Faults still open at period end"),
        "fault_repair_mean_h": translate("kpi", "Mean hours to repair a fault"),
        "evals_count": translate("kpi", "Calls evaluated"),
        "evals_pickup_ok_pct": translate("kpi", "Calls picked up in time (%)"),
        "evals_greeting_pct": translate("kpi", "Calls where the agent greeted first (%)"),
        "evals_named_body_pct": translate("kpi", "Calls where the agent named the body (%)"),
        "evals_score_avg": translate("kpi", "Mean call evaluation score"),
        "cdr_calls": translate("kpi", "Inbound calls recorded by the PBX"),
        "cdr_answered_pct": translate("kpi", "Inbound calls answered (%)"),
        "cdr_ring_median_s": translate("kpi", "Median seconds to answer"),
        "cdr_peak_hour": translate("kpi", "Peak hour of inbound calls"),
        "cdr_missed": translate("kpi", "Missed calls from numbers to call back"),
        "cdr_missed_reached_pct": translate("kpi", "Missed callers reached within the window (%)"),
        "cdr_callback_median_min": translate("kpi", "Median minutes to reach a missed caller"),
        "training_sessions": translate("kpi", "Training sessions held"),
        "training_person_hours": translate("kpi", "Training person-hours"),
        "agents_active": translate("kpi", "Reception agents active"),
        "agents_trained_pct": translate("kpi", "Agents trained in the period (%)"),
        "agents_special_categories_pct": translate(
            "kpi", "Agents trained to serve particular categories of users (%)"
        ),
    }


def label_for(kpi_id: str) -> str:
    return labels().get(kpi_id, kpi_id)
