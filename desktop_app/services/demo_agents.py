"""Demo data for the agents area: a dozen agents, a year of training, guides, legal updates,
posts with their equipment, and awards — realistic for a Tunisian municipality (C8.3, C8.5, C8.6).
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.services import (
    agents,
    auth,
    equipment,
    guides,
    legal_updates,
    recognition,
    training,
)
from desktop_app.services.agents import AgentInput
from desktop_app.services.agents_common import Attachment, add_months
from desktop_app.services.demo import DemoContext
from desktop_app.services.guides import GuideInput
from desktop_app.services.periods import local_date, quarter_of
from desktop_app.services.training import Attendee, RuleInput, SessionInput

AGENTS = (
    ("نور الحداد", "Nour Haddad", "Bureau des relations avec le citoyen"),
    ("محمد علي الشابي", "Mohamed Ali Chebbi", "Standard"),
    ("سنية بن عمر", "Sonia Ben Omar", "Bureau des relations avec le citoyen"),
    ("يوسف المرزوقي", "Youssef Marzouki", "Standard"),
    ("إيمان الخياري", "Imen Khiari", "Guichet unique"),
    ("أنيس القاسمي", "Anis Gasmi", "Guichet unique"),
    ("رحمة السعيدي", "Rahma Saidi", "Bureau d'ordre"),
    ("وليد بن صالح", "Walid Ben Salah", "Standard"),
    ("مريم العياري", "Meriem Ayari", "Bureau des relations avec le citoyen"),
    ("هيثم الجلاصي", "Haythem Jlassi", "Guichet unique"),
    ("خولة النفزي", "Khaoula Nefzi", "Centre d'appel"),
    ("كمال الدريدي", "Kamel Dridi", "Centre d'appel"),
)
POSTS = (
    ("Standard — poste 1", "Rez-de-chaussée, hall d'accueil"),
    ("Standard — poste 2", "Rez-de-chaussée, hall d'accueil"),
    ("Guichet unique", "Rez-de-chaussée"),
    ("Bureau des relations avec le citoyen", "1er étage, bureau 104"),
    ("Centre d'appel — numéro vert", "2e étage, salle 210"),
)
SESSIONS = (
    (
        "Accueil téléphonique : saluer, nommer l'organisme, orienter",
        "reception",
        3.0,
        "Amel Jaziri (RH)",
    ),
    (
        "Circulaire n° 8 du 19 mars 2020 : obligations de l'accueil téléphonique",
        "legal",
        2.0,
        "Direction des affaires juridiques",
    ),
    (
        "Accueillir les personnes handicapées et les personnes âgées (circulaire 18/2019)",
        "special_categories",
        4.0,
        "Association Voix de l'Handicapé",
    ),
    (
        "Utiliser le poste opérateur et le casque, transferts d'appels",
        "equipment",
        1.5,
        "Tunisie Télécom — service entreprises",
    ),
    (
        "Réponses types aux demandes d'extrait d'acte de naissance",
        "reception",
        2.0,
        "Service de l'état civil",
    ),
    (
        "Nouveau délai de 48 heures pour les courriels (circulaire n° 2 de 2020)",
        "legal",
        1.5,
        "Direction des affaires juridiques",
    ),
    (
        "Gestion des appels difficiles et des réclamations",
        "reception",
        3.0,
        "Centre de formation et d'appui à la décentralisation",
    ),
)
GUIDES = (
    ("دليل الاستقبال الهاتفي — Guide de l'accueil téléphonique", "guide", "reception"),
    ("Manuel de procédures : réclamations et demandes d'information", "manual", "legal"),
    ("Guide d'accueil des personnes à besoins spécifiques", "guide", "special_categories"),
    ("Annuaire interne des services et des numéros", "guide", "other"),
)


def _updates(today: date) -> list[tuple[str, date, str]]:
    """(reference, date of the text, summary): the texts behind the circulars, on their own dates,
    then the body's recent notes, dated a few months back from the demo's today."""
    summer = date(today.year if today.month >= 7 else today.year - 1, 6, 16)
    recent = add_months(today, -2).replace(day=12)
    return [
        (
            "Circulaire n° 18 du 5 août 2019",
            date(2019, 8, 5),
            "Faciliter l'accès aux services publics des personnes handicapées et des personnes "
            "âgées : accueil prioritaire, orientation, communication adaptée.",
        ),
        (
            "Circulaire n° 8 du 19 mars 2020",
            date(2020, 3, 19),
            "Accueil téléphonique : décrocher en moins de cinq minutes, saluer, nommer "
            "l'organisme, inventaire des numéros.",
        ),
        (
            "Circulaire n° 2 du 3 avril 2020",
            date(2020, 4, 3),
            "Réponse aux courriels des citoyens dans les 48 heures, ou information de "
            "l'expéditeur dans le même délai.",
        ),
        (
            "Décret présidentiel n° 2021-223",
            date(2021, 12, 2),
            "Nouveau calendrier des jours fériés : fête de la Révolution le 17 décembre.",
        ),
        (
            f"Note de service n° 14/{summer.year}",
            summer,
            "Horaires d'ouverture du guichet unique en séance unique d'été (1er juillet – "
            "31 août).",
        ),
        (
            f"Arrêté municipal n° {recent.year}-031",
            recent,
            "Pièces à fournir pour l'autorisation de bâtir : mise à jour de la liste.",
        ),
    ]


def _material(number: int, title: str) -> Attachment:
    text = f"%PDF-1.4\n% Support de formation — {title}\n"
    return Attachment(f"support-formation-{number:02d}.pdf", text.encode("utf-8"))


def agents_step(ctx: DemoContext) -> None:
    """Registered in DEMO_STEPS after the lines step (it links agents to lines when there are)."""
    db, actor, rng = ctx.db, ctx.actor, ctx.rng
    today = local_date(ctx.now)
    post_ids = []
    for i, (name, place) in enumerate(POSTS):
        conditions = {k: "working" for k in equipment.EQUIPMENT_KINDS}
        if i == 1:
            conditions["headset"] = "broken"
        if i == 4:
            conditions["guides_access"] = "missing"
        post_ids.append(equipment.create_post(db, actor, name, place, conditions))
    lines = agents.list_line_choices(db, actor)
    agent_user = next((u.id for u in auth.list_users(db, actor) if u.username == "agent"), None)
    ids = []
    working: dict[int, tuple[date, date]] = {}  # agent → first and last day worked (to today)
    for i, (ar, fr, unit) in enumerate(AGENTS):
        start = today - timedelta(days=rng.randint(400, 3000)) if i < 11 else add_months(today, -2)
        end = today - timedelta(days=40) if i == 9 else None
        chosen = (
            tuple(sorted({lines[rng.randrange(len(lines))].id for _ in range(2)})) if lines else ()
        )
        info = agents.create_agent(
            db,
            actor,
            AgentInput(
                name_ar=ar,
                name_fr=fr,
                staff_number=f"AG-{1021 + i * 7}",
                unit=unit,
                extension=str(200 + i * 3),
                active_from=start,
                active_to=end,
                user_id=agent_user if i == 0 else None,
                post_id=post_ids[i % len(post_ids)],
                line_ids=chosen,
            ),
        )
        ids.append(info.id)
        working[info.id] = (start, end or today)
    ctx.summary["agents"] = len(ids)
    year_ago = add_months(today, -12)
    training.create_rule(
        db, actor, RuleInput("Formation annuelle à l'accueil", None, 12, 3, year_ago)
    )
    training.create_rule(
        db,
        actor,
        RuleInput(
            "Accueil des catégories particulières (C8.6)", "special_categories", None, 6, year_ago
        ),
    )
    count = 0
    for month in range(12, 0, -1):
        if month % 2 and month not in (1, 11):
            continue
        title, topic, hours, trainer = SESSIONS[count % len(SESSIONS)]
        held = add_months(today, -month) + timedelta(days=rng.randint(0, 20))
        held = min(held, today - timedelta(days=3))
        present = [a for a in ids[:11] if working[a][0] <= held <= working[a][1]]
        group = rng.sample(present, min(len(present), rng.randint(5, 9)))
        attendees = []
        for a in group:
            attended = rng.random() > 0.1
            scored = float(rng.randint(55, 98)) if rng.random() > 0.3 else None
            # An absent agent was not assessed (the service refuses it, issue 14.13).
            attendees.append(Attendee(a, attended, scored if attended else None))
        training.create_session(
            db,
            actor,
            SessionInput(
                title,
                topic,
                held,
                hours,
                trainer,
                remote=rng.random() < 0.25,
                notes="Feuille de présence signée, conservée au bureau RH.",
            ),
            attendees,
            _material(count % len(SESSIONS) + 1, title),
        )
        count += 1
    ctx.summary["training_sessions"] = count
    for i, (title, kind, topic) in enumerate(GUIDES):
        reviewed = add_months(today, -(4 + i * 5))
        next_review = add_months(reviewed, 12)
        gid = guides.create_guide(
            db,
            actor,
            GuideInput(title, kind, topic, f"{1 + i % 2}.0", reviewed, next_review),
            Attachment(f"guide-{i + 1}.pdf", f"%PDF-1.4\n% {title}\n".encode()),
        )
        # Reading sheets signed over the weeks after the version came out (or after joining).
        sheets: dict[date, list[int]] = {}
        for a in ids:
            first, last = max(reviewed, working[a][0]), working[a][1]
            if rng.random() < 0.7 and first < last:
                day = min(first + timedelta(days=rng.choice((3, 10, 17, 24, 45, 80))), last)
                sheets.setdefault(day, []).append(a)
        for day, readers in sorted(sheets.items()):
            guides.acknowledge_many(db, actor, gid, readers, acknowledged_on=day)
    for reference, published, summary in _updates(today):
        # Agents already working were told within days of the text, later recruits on joining;
        # of the recent texts, a few agents have not been told yet.
        old_text = published < add_months(today, -12)
        informed = {
            a: min(
                max(published, working[a][0]) + timedelta(days=rng.randint(1, 12)), working[a][1]
            )
            for a in ids
            if working[a][1] >= published and (old_text or rng.random() < 0.8)
        }
        legal_updates.save_update(
            db,
            actor,
            None,
            reference=reference,
            published_on=published,
            summary=summary,
            informed=informed,
        )
    last_quarter = quarter_of(today).previous()
    before = last_quarter.previous()
    recognition.save_award(
        db,
        actor,
        None,
        agent_id=ids[2],
        period=before.text,
        award="Agent du trimestre",
        reason="Assiduité aux formations et meilleure note d'évaluation.",
        awarded_on=before.last_day + timedelta(days=10),
    )
    recognition.save_award(
        db,
        actor,
        None,
        agent_id=ids[4],
        period=last_quarter.text,
        award="Lettre de remerciements",
        reason="Accueil exemplaire des personnes âgées au guichet unique.",
        awarded_on=last_quarter.last_day + timedelta(days=5),
    )
