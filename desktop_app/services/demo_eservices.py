"""Demo catalogue of a Tunisian municipality's online services and its website settings (C2.2).

The links point at the demo website `tools/demo_website.py` serves on 127.0.0.1:8765, so the
link checks and the website audit can be tried without the internet; one link is dead on purpose.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from desktop_app.data.models import OnlineService, ServiceLinkCheck
from desktop_app.services import eservices, settings
from desktop_app.services.demo import DemoContext
from desktop_app.services.periods import local_date

DEMO_SITE = "http://127.0.0.1:8765"

# name_ar, name_fr, path, unit, audience, requirements, on portal, reviewed days ago, description
_SERVICES = (
    ("مضمون ولادة عن بعد", "Extrait de naissance à distance", "/eservices/naissance.html",
     "État civil", "Toute personne née à La Marsa, ou son mandataire",
     "Numéro de la carte d'identité nationale; nom du père et de la mère", True, 40,
     "Demander en ligne un extrait d'acte de naissance et le retirer au guichet de "
     "l'arrondissement choisi, sans file d'attente."),
    ("متابعة مطالب رخص البناء", "Suivi des demandes de permis de bâtir",
     "/eservices/permis-de-batir.html", "Urbanisme", "Demandeurs d'un permis de bâtir",
     "Numéro du dossier déposé au bureau d'ordre", True, 120,
     "Connaître l'état d'avancement d'une demande de permis de bâtir déposée à la "
     "municipalité : commission technique, avis, décision."),
    ("خلاص المعلوم على العقارات المبنية عن بعد", "Paiement en ligne de la taxe locative (TIB)",
     "/eservices/taxe-locative.html", "Régie des recettes", "Propriétaires d'immeubles bâtis",
     "Référence de l'article d'imposition; carte bancaire ou e-dinar", False, 500,
     "Payer la taxe sur les immeubles bâtis de l'année et des années antérieures, "
     "et télécharger la quittance."),
    ("الشكاوى عن بعد", "Réclamations en ligne", "/eservices/reclamations.html",
     "Relations avec les citoyens", "Tout citoyen", "Une adresse e-mail ou un numéro de téléphone",
     True, 10, "Déposer une réclamation ou un signalement (éclairage, voirie, propreté) et "
     "suivre sa réponse, dans les 48 heures au plus."),
    ("حجز موعد للتعريف بالإمضاء", "Rendez-vous de légalisation de signature",
     "/eservices/rendez-vous.html", "État civil", "Tout citoyen", "", False, 60,
     "Réserver un créneau au guichet de légalisation."),
    ("مطلب النفاذ إلى المعلومة", "Demande d'accès à l'information",
     "/eservices/acces-information.html", "Accès à l'information",
     "Toute personne physique ou morale (loi organique 2016-22)",
     "Formulaire de demande; identité du demandeur", True, 200,
     "Demander un document administratif détenu par la municipalité; réponse dans les "
     "délais fixés par la loi organique n° 2016-22."),
)  # fmt: skip


def services_step(ctx: DemoContext) -> None:
    settings.update(ctx.db, ctx.actor, {
        "website_url": f"{DEMO_SITE}/index.html",
        "website_pages": f"{DEMO_SITE}/contact.html",
    })  # fmt: skip
    today = local_date(ctx.now)
    for name_ar, name_fr, path, unit, audience, req, portal, days, desc in _SERVICES:
        row = eservices.create_service(ctx.db, ctx.actor, eservices.ServiceInput(
            name_ar=name_ar, name_fr=name_fr, url=DEMO_SITE + path, description=desc,
            audience=audience, requirements=req, unit=unit, on_website=True, on_portal=portal,
            accessibility="Formulaire utilisable au clavier; textes en arabe et en français.",
        ))  # fmt: skip
        eservices.mark_reviewed(ctx.db, ctx.actor, row.id, expected_version=row.version,
                                on=today - timedelta(days=days))  # fmt: skip
    old = eservices.create_service(ctx.db, ctx.actor, eservices.ServiceInput(
        name_ar="استمارة الشكاوى القديمة", name_fr="Ancien formulaire de réclamation",
        url=f"{DEMO_SITE}/ancien/reclamation.php", unit="Relations avec les citoyens",
        description="Remplacé par les réclamations en ligne.", withdrawn=True,
    ))  # fmt: skip
    with ctx.db.write() as s:  # withdrawn two years ago, as the history shows it
        s.execute(update(OnlineService).where(OnlineService.id == old.id)
                  .values(withdrawn_at=ctx.now - timedelta(days=700)))  # fmt: skip
    _history(ctx, old.id)
    ctx.summary["online_services"] = len(_SERVICES) + 1


def _history(ctx: DemoContext, withdrawn_id: int) -> None:
    """The catalogue has existed for two years and its links were checked every month: made
    today without a past, a demo quarter's report counted no online services and no link
    checked (services_count 0, services_links_ok_pct "not measurable yet"; C2.2)."""
    with ctx.db.write() as s:
        s.execute(update(OnlineService).values(created_at=ctx.now - timedelta(days=730)))
        s.execute(update(OnlineService).where(OnlineService.id == withdrawn_id)
                  .values(created_at=ctx.now - timedelta(days=1100)))  # fmt: skip
        services = s.execute(select(OnlineService.id, OnlineService.url)
                             .where(OnlineService.id != withdrawn_id)).all()  # fmt: skip
        for month in range(1, 13):
            at = ctx.now - timedelta(days=30 * month, hours=month % 5)
            for service_id, url in services:
                dead = url.endswith("/permis-de-batir.html") and month <= 4  # dead since summer
                s.add(ServiceLinkCheck(
                    service_id=service_id, at=at, url=url, ok=not dead,
                    status=404 if dead else 200, final_url=url, elapsed_ms=120 + month * 7,
                    problem="http" if dead else "", checked_by="demo",
                ))  # fmt: skip
