"""A suggested remedy for each indicator below target, citing the circular's obligation (C8.7).

C8.7 asks for solutions to the difficulties found, not only numbers: the action plan of the report
proposes these, and leaves room for the director's own.
"""

# ruff: noqa: E501 - one translatable sentence per line reads better than split literals
from __future__ import annotations

from desktop_app.i18n import translate


def remedies() -> dict[str, str]:
    return {
        "req_on_time_pct": translate(
            "kpi_remedy",
            "Review the requests answered late with the team, assign a back-up reader for the mailbox on absences and, within the 48 hours, tell the sender when the answer needs many documents to consult or coordination with other public bodies (C2.1).",
        ),
        "req_first_response_median_h": translate(
            "kpi_remedy",
            "Read the mailbox at least twice a day and answer with the standard replies of the reference guide; send the notice at once when the answer needs coordination (C2.1).",
        ),
        "req_overdue_open_end": translate(
            "kpi_remedy",
            "Answer or send a notice for every overdue request this week, then check the list of requests near their deadline every morning (C2.1).",
        ),
        "req_notice": translate(
            "kpi_remedy",
            "Check that each notice names the documents or bodies involved and follow the request to its final answer (C2.1).",
        ),
        "req_backdated": translate(
            "kpi_remedy",
            "Record each answer in Istiqbal when it is given, not later; review with the team the responses entered after the fact and their reasons (C2.1).",
        ),
        "req_notice_overdue_end": translate(
            "kpi_remedy",
            "Answer the requests whose announced answer date has passed, or tell the sender the new date; chase the documents or the bodies the notice named (C2.1).",
        ),
        "req_closed": translate(
            "kpi_remedy",
            "Follow each open request to its final answer and close it; report the requests blocked by another body (C2.3).",
        ),
        "lines_checked_pct": translate(
            "kpi_remedy",
            "Plan a test call on every line in service each month and record its result (C8.1).",
        ),
        "lines_working_pct": translate(
            "kpi_remedy",
            "Report each line found out of order to the operator at once and forward it to a working line meanwhile (C8.4, C2.4).",
        ),
        "services_links_ok_pct": translate(
            "kpi_remedy",
            "Repair or replace the dead links of the online services and check them again (C2.2).",
        ),
        "lines_on_website_pct": translate(
            "kpi_remedy",
            "Publish every line in service on the website and on forms and posters, and remove the retired ones (C8.1).",
        ),
        "faults_open_end": translate(
            "kpi_remedy",
            "Chase the operator for each open fault and forward the line to an agent's phone until it is repaired (C8.4, C2.4).",
        ),
        "fault_repair_mean_h": translate(
            "kpi_remedy",
            "Agree a repair delay with the operator and escalate the faults that exceed it (C8.4).",
        ),
        "evals_pickup_ok_pct": translate(
            "kpi_remedy",
            "Reinforce the lines at peak hours, forward unanswered lines to an available agent and remind agents that calls must be picked up within five minutes (C8.2, C8.4).",
        ),
        "evals_greeting_pct": translate(
            "kpi_remedy",
            "Remind agents to greet the caller first, with a short session on the reception standards (C8.2, C8.5).",
        ),
        "evals_named_body_pct": translate(
            "kpi_remedy",
            "Post the standard greeting that names the body beside every phone and check it during listening sessions (C8.2).",
        ),
        "evals_score_avg": translate(
            "kpi_remedy",
            "Go over the evaluations with each agent, train on the weakest criteria and recognise the best agents (C8.2, C8.5).",
        ),
        "evals_count": translate(
            "kpi_remedy",
            "Plan listening sessions and mystery calls every month so that each agent is evaluated (C8.7).",
        ),
        "cdr_answered_pct": translate(
            "kpi_remedy",
            "Add agents or lines at the peak hour shown in the traffic sheet and forward lines left unattended (C8.4, C2.4).",
        ),
        "cdr_ring_median_s": translate(
            "kpi_remedy",
            "Reorganise the reception rota around the peak hours so that calls are picked up quickly (C8.2, C8.4).",
        ),
        "cdr_missed_reached_pct": translate(
            "kpi_remedy",
            "Go through the list of callers to call back every morning, assign it to an agent with a line or a service mobile, and record each call-back (C2.4, C8.2).",
        ),
        "cdr_callback_median_min": translate(
            "kpi_remedy",
            "Call the missed callers back the same morning, starting with the oldest in the list, and forward the line to a mobile when nobody is at the desk (C2.4, C8.2).",
        ),
        "training_sessions": translate(
            "kpi_remedy",
            "Plan the training sessions of the next quarter on reception techniques and legal updates (C8.5).",
        ),
        "training_person_hours": translate(
            "kpi_remedy",
            "Plan the training sessions of the next quarter on reception techniques and legal updates (C8.5).",
        ),
        "agents_trained_pct": translate(
            "kpi_remedy",
            "Register the agents not yet trained in the next session on reception and guidance techniques (C8.5).",
        ),
        "agents_special_categories_pct": translate(
            "kpi_remedy",
            "Organise an awareness session on serving people with disabilities and the elderly for the agents not yet trained (C8.6).",
        ),
    }


def remedy_for(kpi_id: str) -> str:
    return remedies().get(kpi_id) or translate(
        "kpi_remedy",
        "Look into the causes with the team concerned and set a dated correction (C8.7).",
    )
