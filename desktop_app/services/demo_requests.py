"""Demo requests: two years of a municipality's requests over every channel, some answered late.

Volumes follow the working week (fewer on weekends, none by letter or at the counter), about one
request in ten gets its first response after the 48-hour deadline (C2.1), one in ten is a notice
that the answer needs documents or coordination, and the last days hold open, due-soon and
overdue requests so the register and the dashboard have something to show. Core bulk inserts.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from desktop_app.data.models import Agent
from desktop_app.services import deadlines
from desktop_app.services import requests as requests_service
from desktop_app.services import settings as settings_service
from desktop_app.services.demo import DemoContext
from desktop_app.services.periods import TUNIS

CHANNEL_WEIGHTS = {
    "email": 25,
    "phone": 24,
    "in_person": 20,
    "web": 12,
    "letter": 8,
    "social": 8,
    "fax": 3,
}
TYPE_WEIGHTS = {"request": 45, "complaint": 25, "inquiry": 17, "report": 9, "suggestion": 4}
SUBJECTS = {
    "request": [
        "Extrait de naissance pour un enfant né à l'étranger",
        "Autorisation de bâtir",
        "طلب رخصة بناء",
        "طلب مضمون ولادة",
        "Certificat de résidence",
        "Autorisation d'occupation temporaire du domaine public",
        "طلب ربط بشبكة التطهير",
        "Légalisation de signature",
        "طلب شهادة إقامة",
        "Copie du plan d'aménagement",
    ],
    "complaint": [
        "Éclairage public en panne, avenue Habib Bourguiba",
        "تراكم الفضلات أمام المدرسة",
        "Nuisances sonores d'un café la nuit",
        "حفر في الطريق بحي الرياض",
        "Retard dans la délivrance d'un permis",
        "Stationnement anarchique rue de Carthage",
        "انقطاع الماء منذ ثلاثة أيام",
        "Accueil désagréable au guichet",
    ],
    "inquiry": [
        "Horaires d'ouverture pendant l'été",
        "الوثائق المطلوبة لرخصة البناء",
        "Montant de la taxe sur les immeubles bâtis",
        "مواعيد رفع الفضلات",
        "Procédure de mariage civil",
    ],
    "report": [
        "Fuite d'eau sur la voie publique",
        "كلاب سائبة قرب السوق البلدي",
        "Arbre menaçant de tomber",
        "إشارة مرور معطلة",
    ],
    "suggestion": [
        "Pistes cyclables sur la corniche",
        "اقتراح تهيئة حديقة عمومية",
        "Prise de rendez-vous en ligne pour l'état civil",
    ],
}
FIRST = [
    "Mohamed",
    "Amel",
    "Sami",
    "Leila",
    "Hichem",
    "Ines",
    "Walid",
    "Sonia",
    "Youssef",
    "Rim",
    "Anis",
    "Nadia",
    "Karim",
    "Olfa",
    "Mehdi",
    "Salma",
]
LAST = [
    "Ben Salah",
    "Trabelsi",
    "Jaziri",
    "Mansouri",
    "Haddad",
    "Bouazizi",
    "Gharbi",
    "Chaabane",
    "Ayari",
    "Ben Ammar",
    "Dridi",
    "Mejri",
    "Kefi",
    "Zouari",
]
ARABIC = [
    "محمد بن صالح",
    "أمل الجزيري",
    "سامي الطرابلسي",
    "ليلى المنصوري",
    "هشام الحداد",
    "إيناس الغربي",
    "وليد العياري",
    "سنية الدريدي",
    "يوسف الماجري",
    "ريم الكافي",
]
AGENTS = [
    ("نور الحداد", "Nour Haddad"),
    ("رياض بن عمار", "Riadh Ben Ammar"),
    ("سلوى الزواري", "Saloua Zouari"),
    ("منير الشعبان", "Mounir Chaabane"),
]
ANSWERS = [
    "Votre demande a été traitée ; le document est disponible au guichet.",
    "تمت معالجة طلبكم ويمكنكم سحب الوثيقة من الشباك.",
    "L'équipe technique est intervenue le jour même.",
]
# C2.1's two reasons for a notice, each with the documents or bodies it names.
NOTICES = [
    ("coordination", "Avis de la direction régionale de l'équipement."),
    ("documents", "الرجوع إلى أرشيف رخص البناء ومثال التهيئة العمرانية."),
    ("coordination", "Coordination avec la SONEDE."),
    ("documents", "Consultation des registres fonciers de 1998 à 2010."),
]
# Why a response was entered after the fact (the timeline and req_backdated show these).
LATE_REASONS = [
    "Réponse envoyée par courrier, saisie au retour du bureau d'ordre.",
    "الرد سُلّم بالشباك ولم يُسجّل في حينه.",
]


def _agents(ctx: DemoContext) -> list[int]:
    """The agents the agents area created; a few of our own when that step has not run."""
    with ctx.db.write() as s:
        ids = list(s.scalars(select(Agent.id).where(Agent.active_to.is_(None))))
        if not ids:
            made = [
                Agent(name_ar=ar, name_fr=fr, unit="Bureau des relations avec le citoyen")
                for ar, fr in AGENTS
            ]
            s.add_all(made)
            s.flush()
            ids = [a.id for a in made]
        return ids


def _citizen(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(ARABIC) if rng.random() < 0.4 else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if rng.random() < 0.5:
        contact = f"+216{rng.choice('2459')}{rng.randrange(10**7):07d}"
    else:
        contact = f"{name.split()[0].lower()}.{rng.randrange(100, 999)}@gnet.tn"
        if not contact.isascii():
            contact = f"citoyen{rng.randrange(1000, 9999)}@topnet.tn"
    return name, contact


def _response_delay(rng: random.Random) -> float:
    """Hours to the first response: most within the day, about one in ten beyond 48 h."""
    if rng.random() < 0.10:
        return rng.uniform(49, 160)
    return min(rng.lognormvariate(2.3, 0.9), 47.5)


def requests_step(ctx: DemoContext) -> None:
    rng = ctx.rng
    agents = _agents(ctx)
    now = ctx.now
    start = (now - timedelta(days=365 * ctx.years)).astimezone(TUNIS).date()
    days = (now.astimezone(TUNIS).date() - start).days + 1
    with ctx.db.write() as s:
        clock = deadlines.load_clock(s, settings_service.load_all(s))
        allocator = requests_service.ReferenceAllocator(s)
        rows: list[dict[str, Any]] = []
        events: list[tuple[int, dict[str, Any]]] = []
        for offset in range(days):
            day = start + timedelta(days=offset)
            weekend = day.isoweekday() >= 6
            for _ in range(rng.randint(0, 3) if weekend else rng.randint(6, 14)):
                channel = rng.choices(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))[0]
                if weekend and channel in ("letter", "in_person", "phone", "fax"):
                    channel = rng.choice(("email", "web", "social"))
                hour = rng.uniform(8.5, 17.5) if not weekend else rng.uniform(7, 23)
                received = datetime.combine(day, time(0), TUNIS) + timedelta(hours=hour)
                if received > now:
                    continue
                kind = rng.choices(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))[0]
                citizen, contact = _citizen(rng)
                roll = rng.random()
                category = (
                    "disability"
                    if roll < 0.04
                    else "elderly"
                    if roll < 0.10
                    else "other"
                    if roll < 0.11
                    else None
                )
                agent = rng.choice(agents) if rng.random() < 0.9 else None
                first = received + timedelta(hours=_response_delay(rng))
                response_kind = "notice" if rng.random() < 0.1 else "answer"
                notice = rng.choice(NOTICES)
                # one response in fifty is entered after the fact, with its reason (C2.1)
                late_by = timedelta(hours=rng.uniform(1, 30)) if rng.random() < 0.02 else None
                if first > now or (now - received < timedelta(days=3) and rng.random() < 0.5):
                    first_at, response_kind_ = None, None
                else:
                    first_at, response_kind_ = first, response_kind
                closed = None
                answered = first_at if response_kind_ == "answer" else None
                answer_by = None
                if first_at is not None:
                    extra = timedelta(days=rng.uniform(0.1, 12 if response_kind == "notice" else 2))
                    closed = first_at + extra if first_at + extra < now else None
                    if response_kind_ == "notice":
                        answer_by = first_at + timedelta(days=5)
                        # a notice is no answer: the answer comes before closing (C2.1)
                        answered = closed - timedelta(hours=1) if closed is not None else None
                if late_by is not None and first_at is not None and first_at + late_by > now:
                    late_by = None
                status = (
                    "closed"
                    if closed
                    else "answered"
                    if response_kind_ == "answer"
                    else "notice_sent"
                    if response_kind_
                    else "assigned"
                    if agent
                    else "new"
                )
                index = len(rows)
                rows.append(
                    {
                        "reference": allocator.take(received),
                        "received_at": received,
                        "channel": channel,
                        "type": kind,
                        "citizen": citizen,
                        "contact": contact,
                        "subject": rng.choice(SUBJECTS[kind]),
                        "body": "",
                        "category": category,
                        "agent_id": agent,
                        "status": status,
                        "deadline_at": deadlines.legal_deadline(received),
                        "internal_deadline_at": deadlines.internal_deadline(clock, received),
                        "answered_at": answered,
                        "notice_reason": notice[0] if response_kind_ == "notice" else None,
                        "notice_detail": notice[1] if response_kind_ == "notice" else "",
                        "notice_answer_by": answer_by,
                        "notice_told_via": "",
                        "close_reason": "answered" if closed else None,
                        "first_response_at": first_at,
                        "first_response_kind": response_kind_,
                        "closed_at": closed,
                        "purged_at": None,
                        "created_at": received,
                        "version": 1,
                    }
                )
                base = {"username": "supervisor", "user_id": None, "recorded_at": received,
                        "late_reason": ""}  # fmt: skip
                events.append(
                    (
                        index,
                        {**base, "at": received, "kind": "created", "text": "", "agent_id": None},
                    )
                )
                if agent:
                    events.append(
                        (
                            index,
                            {
                                **base,
                                "at": received + timedelta(minutes=20),
                                "kind": "assigned",
                                "text": "",
                                "agent_id": agent,
                            },
                        )
                    )
                if first_at is not None and response_kind_:
                    text = notice[1] if response_kind_ == "notice" else rng.choice(ANSWERS)
                    events.append(
                        (
                            index,
                            {
                                **base,
                                "at": first_at,
                                "kind": response_kind_,
                                "text": text,
                                "agent_id": None,
                                "recorded_at": first_at + late_by if late_by else first_at,
                                "late_reason": rng.choice(LATE_REASONS) if late_by else "",
                            },
                        )
                    )
                if response_kind_ == "notice" and answered is not None:
                    events.append(
                        (
                            index,
                            {
                                **base,
                                "at": answered,
                                "kind": "answer",
                                "text": rng.choice(ANSWERS),
                                "agent_id": None,
                                "recorded_at": answered,
                                "late_reason": "",
                            },
                        )
                    )
                if closed is not None:
                    events.append(
                        (
                            index,
                            {
                                **base,
                                "at": closed,
                                "kind": "closed",
                                "text": "",
                                "agent_id": None,
                                "recorded_at": closed,
                            },
                        )
                    )
        chunk = 5000
        for begin in range(0, len(rows), chunk):
            part = [(i - begin, e) for i, e in events if begin <= i < begin + chunk]
            requests_service.bulk_insert(s, rows[begin : begin + chunk], part)
    ctx.summary["requests"] = len(rows)
