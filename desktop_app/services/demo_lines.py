"""Demo phone lines of a Tunisian municipality with a year of checks, faults and upkeep (C8.1,
C8.4, C2.4), written with Core bulk inserts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import insert, select, update

from desktop_app.data.models import (
    Agent,
    LineCheck,
    LineFault,
    LineForwarding,
    LineMaintenance,
    PhoneLine,
    ReinforcementPlan,
)
from desktop_app.services import audit
from desktop_app.services.demo import DemoContext
from desktop_app.services.lines import WORKING_RESULTS
from desktop_app.services.periods import TUNIS, local_date

# number, kind, label (FR / AR), department, published on, extension
INVENTORY: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "+21671774500",
        "switchboard",
        "Standard de la municipalité / المقسم البلدي",
        "Secrétariat général",
        "website;letters;posters;documents",
        "",
    ),
    (
        "+21680100254",
        "green",
        "Numéro vert réclamations / الرقم الأخضر للشكاوى",
        "Relations avec les citoyens",
        "website;posters;documents",
        "",
    ),
    (
        "+21671774555",
        "call_centre",
        "Centre d'appel citoyen / مركز النداء",
        "Relations avec les citoyens",
        "website;posters",
        "",
    ),
    (
        "+21671774510",
        "fax",
        "Fax bureau d'ordre / فاكس مكتب الضبط",
        "Bureau d'ordre central",
        "website;letters;documents",
        "",
    ),
    (
        "+21671774520",
        "direct",
        "État civil / الحالة المدنية",
        "État civil",
        "website;posters",
        "",
    ),
    (
        "+21671774521",
        "direct",
        "Légalisation de signature / التعريف بالإمضاء",
        "État civil",
        "posters",
        "",
    ),
    (
        "+21671774530",
        "direct",
        "Services techniques / المصالح الفنية",
        "Travaux et voirie",
        "website;letters",
        "",
    ),
    (
        "+21671774531",
        "direct",
        "Éclairage public / التنوير العمومي",
        "Travaux et voirie",
        "website",
        "",
    ),
    (
        "+21671774540",
        "direct",
        "Urbanisme et permis de bâtir / التهيئة العمرانية ورخص البناء",
        "Urbanisme",
        "website;letters;documents",
        "",
    ),
    (
        "+21671774550",
        "direct",
        "Régie des recettes / قباضة المداخيل",
        "Finances",
        "website;documents",
        "",
    ),
    (
        "+21671774560",
        "direct",
        "Hygiène et environnement / الصحة والبيئة",
        "Hygiène",
        "website;posters",
        "",
    ),
    (
        "+21671774570",
        "direct",
        "Police municipale",
        "Police municipale",
        "website",
        "",
    ),
    (
        "+21671742300",
        "direct",
        "Arrondissement de Gammarth / دائرة قمرت",
        "Arrondissements",
        "website;posters",
        "",
    ),
    (
        "+21671742310",
        "direct",
        "Arrondissement Sidi Daoud / دائرة سيدي داود",
        "Arrondissements",
        "posters",
        "",
    ),
    (
        "1899",
        "short",
        "Numéro court Allô Baladia / الرقم المختصر ألو بلدية",
        "Relations avec les citoyens",
        "website;posters;documents",
        "",
    ),
    ("+21671774500", "switchboard", "", "", "", "214"),  # same number: skipped below
    (
        "+21698345120",
        "mobile",
        "Mobile de permanence / هاتف الاستمرار",
        "Secrétariat général",
        "website",
        "",
    ),
    (
        "+21655201478",
        "mobile",
        "Mobile propreté urgente / جوال النظافة العاجلة",
        "Hygiène",
        "posters",
        "",
    ),
    (
        "+21671774599",
        "direct",
        "Ancienne ligne des marchés / الخط القديم للأسواق",
        "Finances",
        "",
        "",
    ),
)
RETIRED = "+21671774599"
RESULT_WEIGHTS = (
    ("answered_named", 62),
    ("answered", 20),
    ("no_answer", 9),
    ("busy", 5),
    ("out_of_order", 3),
    ("wrong_destination", 1),
)
SYMPTOMS = (
    ("Pas de tonalité / لا توجد نغمة", "TT-SIG"),
    ("Sonne occupé toute la journée / مشغول طوال اليوم", "TT-OCC"),
    ("Grésillements, appels coupés / تشويش وانقطاع المكالمات", "TT-QOS"),
    ("Renvoi vers un mauvais service / تحويل إلى مصلحة خاطئة", "PABX"),
    ("Le numéro vert n'aboutit pas depuis les mobiles / الرقم الأخضر لا يعمل من الجوال", "TT-NV"),
)


def _pick(ctx: DemoContext) -> str:
    roll = ctx.rng.uniform(0, 100)
    for result, weight in RESULT_WEIGHTS:
        roll -= weight
        if roll <= 0:
            return result
    return "answered"


def _office_time(ctx: DemoContext, day: date) -> datetime:
    """A weekday between 08:30 and 15:30 local: when checks are really made."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    minutes = ctx.rng.randint(8 * 60 + 30, 15 * 60 + 30)
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=TUNIS)


def lines_step(ctx: DemoContext) -> None:
    """About 18 lines (a short number among them), a check every 2–6 weeks each for a year,
    faults and their repairs."""
    today = local_date(ctx.now)
    year_ago = ctx.now - timedelta(days=365)
    with ctx.db.write() as s:
        seen: set[str] = set()
        line_rows = []
        for number, kind, label, department, published, ext in INVENTORY:
            if number in seen:
                continue
            seen.add(number)
            retired = number == RETIRED
            line_rows.append(
                {
                    "number": number,
                    "kind": kind,
                    "label": label,
                    "department": department,
                    "status": "retired" if retired else "in_service",
                    "created_at": year_ago - timedelta(days=ctx.rng.randint(30, 900)),
                    "retired_at": ctx.now - timedelta(days=200) if retired else None,
                    "version": 1,
                    "extension": ext,
                    "on_website": "website" in published,
                    "on_letters": "letters" in published,
                    "on_posters": "posters" in published,
                    "on_documents": "documents" in published,
                    "notes": "",
                }
            )
        s.execute(insert(PhoneLine), line_rows)
        ids = dict(s.execute(select(PhoneLine.number, PhoneLine.id)).all())

        checks, faults, latest = [], [], {}
        for number, line_id in ids.items():
            end = ctx.now - timedelta(days=200) if number == RETIRED else ctx.now
            # Some lines are left unchecked lately, so the verification round has work to do.
            stop = end - timedelta(days=ctx.rng.choice((2, 5, 9, 14, 21, 40, 55)))
            day = local_date(year_ago) + timedelta(days=ctx.rng.randint(0, 20))
            while True:
                at = _office_time(ctx, day)
                if at >= stop:
                    break
                result = _pick(ctx)
                checks.append(
                    {
                        "line_id": line_id,
                        "at": at,
                        "result": result,
                        "working": result in WORKING_RESULTS,
                        "notes": "",
                        "source": ctx.rng.choice(("manual", "manual", "round")),
                        "checked_by": ctx.rng.choice(("supervisor", "agent")),
                        "created_at": at,
                    }
                )
                latest[line_id] = (at, result)
                if result == "out_of_order" or ctx.rng.random() < 0.03:
                    symptom, prefix = ctx.rng.choice(SYMPTOMS)
                    hours = ctx.rng.choice((2, 4, 6, 20, 26, 48, 72, 120))
                    repaired = at + timedelta(hours=hours)
                    faults.append(
                        {
                            "line_id": line_id,
                            "reported_at": at,
                            "symptom": symptom,
                            "ticket_ref": f"{prefix}-{at:%y%m%d}-{ctx.rng.randint(100, 999)}",
                            "reported_by": "supervisor",
                            "repaired_at": repaired if repaired < ctx.now else None,
                            "repair_notes": "Intervention Tunisie Telecom"
                            if repaired < ctx.now
                            else "",
                            "version": 1,
                        }
                    )
                day += timedelta(days=ctx.rng.randint(14, 42))
        # Two faults still open today, one reported this week.
        for line_id, days, (symptom, prefix) in (
            (ids["+21671774530"], 3, SYMPTOMS[0]),
            (ids["+21680100254"], 11, SYMPTOMS[4]),
        ):
            at = ctx.now - timedelta(days=days, hours=2)
            faults.append(
                {
                    "line_id": line_id,
                    "reported_at": at,
                    "symptom": symptom,
                    "ticket_ref": f"{prefix}-{at:%y%m%d}-417",
                    "reported_by": "supervisor",
                    "repaired_at": None,
                    "repair_notes": "",
                    "version": 1,
                }
            )
        if checks:
            s.execute(insert(LineCheck), checks)
        if faults:
            s.execute(insert(LineFault), faults)
        for line_id, (at, result) in latest.items():
            s.execute(
                update(PhoneLine)
                .where(PhoneLine.id == line_id)
                .values(last_checked_at=at, last_check_result=result)
            )
        open_lines = {f["line_id"] for f in faults if f["repaired_at"] is None}
        if open_lines:
            s.execute(
                update(PhoneLine)
                .where(PhoneLine.id.in_(open_lines), PhoneLine.status == "in_service")
                .values(status="faulty")
            )

        s.execute(
            insert(LineMaintenance),
            [
                {
                    "line_id": ids["+21671774500"],
                    "task": "Contrôle du standard (PABX) / مراقبة المقسم",
                    "interval_days": 90,
                    "next_due": today + timedelta(days=23),
                    "last_done": today - timedelta(days=67),
                    "version": 1,
                },
                {
                    "line_id": ids["+21680100254"],
                    "task": "Essai du numéro vert depuis les trois opérateurs / تجربة الرقم الأخضر",
                    "interval_days": 30,
                    "next_due": today - timedelta(days=6),
                    "last_done": today - timedelta(days=36),
                    "version": 1,
                },
                {
                    "line_id": ids["+21671774555"],
                    "task": "Casques et postes du centre d'appel",
                    "interval_days": 180,
                    "next_due": today + timedelta(days=75),
                    "last_done": today - timedelta(days=105),
                    "version": 1,
                },
                {
                    "line_id": ids["+21671774510"],
                    "task": "Entretien du télécopieur / صيانة الفاكس",
                    "interval_days": 120,
                    "next_due": today - timedelta(days=15),
                    "last_done": None,
                    "version": 1,
                },
            ],
        )
        year = today.year
        s.execute(
            insert(ReinforcementPlan),
            [
                {
                    "title": "Rentrée scolaire : extraits de naissance / العودة المدرسية",
                    "starts_on": date(year, 9, 1),
                    "ends_on": date(year, 9, 20),
                    "hours": "08:00-17:30",
                    "extra_lines": 2,
                    "extra_agents": 3,
                    "notes": "Deux lignes directes supplémentaires à l'état civil.",
                    "version": 1,
                },
                {
                    "title": "Taxe sur les immeubles bâtis : échéance / آجال المعلوم على العقارات",
                    "starts_on": date(year, 3, 15),
                    "ends_on": date(year, 4, 30),
                    "hours": "08:00-16:00",
                    "extra_lines": 1,
                    "extra_agents": 2,
                    "notes": "",
                    "version": 1,
                },
                {
                    "title": "Saison estivale (Gammarth) / الموسم الصيفي",
                    "starts_on": date(year, 7, 1),
                    "ends_on": date(year, 8, 31),
                    "hours": "08:00-14:00",
                    "extra_lines": 0,
                    "extra_agents": 2,
                    "notes": "Séance unique : renvoi du standard l'après-midi.",
                    "version": 1,
                },
            ],
        )
        audit.record(
            s,
            ctx.actor,
            "demo",
            "phone_line",
            "",
            after={"lines": len(ids), "checks": len(checks), "faults": len(faults)},
        )
    ctx.summary["phone_lines"] = len(ids)
    ctx.summary["line_checks"] = len(checks)
    ctx.summary["line_faults"] = len(faults)


def forwarding_step(ctx: DemoContext) -> None:
    """A current forwarding (C2.4) to an agent's mobile; runs after the agents' demo step."""
    with ctx.db.write() as s:
        line_id = s.scalar(select(PhoneLine.id).where(PhoneLine.number == "+21671774500"))
        if line_id is None:
            return
        ids = {"+21671774500": line_id}
        agents = list(s.scalars(select(Agent.id).order_by(Agent.id).limit(2)))
        if agents:
            # Started two hours ago on the hour, ends in a day: current whenever the demo is
            # opened soon after being made, so the dashboard and the inventory show who answers.
            start = (ctx.now - timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
            s.execute(
                insert(LineForwarding),
                [
                    {
                        "line_id": ids["+21671774500"],
                        "agent_id": agents[0],
                        "target_number": "+21698345120",
                        "starts_at": start,
                        "ends_at": start + timedelta(days=1, hours=2),
                        "notes": "Séance unique",
                        "created_by": "supervisor",
                        "created_at": start,
                    },
                ],
            )
