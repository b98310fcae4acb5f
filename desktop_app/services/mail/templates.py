"""Letters to citizens by e-mail (C2.1): acknowledgement, notice, answer, in Arabic and French.

The texts are settings (`mail_template.<kind>.<lang>.subject|body`) that an administrator edits;
the defaults below say what the circular asks. Placeholders: {reference} {received} {deadline}
{reason} {detail} {answer_by} {body_name} {signature} {answer}; an unknown one stays as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.services import settings as settings_service
from desktop_app.services.settings import SettingSpec

KINDS = ("acknowledge", "notice", "answer")
LANGS = ("ar", "fr")

DEFAULTS: dict[tuple[str, str], tuple[str, str]] = {
    ("acknowledge", "ar"): (
        "إشعار بالتسلّم — مطلبكم عدد {reference}",
        "تحية طيبة وبعد،\n\nنعلمكم أنّ مطلبكم وصلنا بتاريخ {received} وسُجّل تحت عدد {reference}. "
        "سيتمّ الرد عليه في أجل أقصاه {deadline}.\n\n{signature}\n{body_name}",
    ),
    ("acknowledge", "fr"): (
        "Accusé de réception — votre demande n° {reference}",
        "Madame, Monsieur,\n\nVotre demande nous est parvenue le {received} et est enregistrée "
        "sous le n° {reference}. Elle recevra une réponse au plus tard le {deadline}.\n\n"
        "{signature}\n{body_name}",
    ),
    ("notice", "ar"): (
        "إعلام بخصوص مطلبكم عدد {reference}",
        "تحية طيبة وبعد،\n\nبخصوص مطلبكم الوارد بتاريخ {received} تحت عدد {reference}، نعلمكم أنّ "
        "الرد يتطلّب {reason}: {detail}.\nالتاريخ المتوقّع للرد: {answer_by}.\n\n{signature}\n"
        "{body_name}",
    ),
    ("notice", "fr"): (
        "Information sur votre demande n° {reference}",
        "Madame, Monsieur,\n\nVotre demande du {received} (n° {reference}) nécessite {reason} : "
        "{detail}.\nDate de réponse annoncée : {answer_by}.\n\n{signature}\n{body_name}",
    ),
    ("answer", "ar"): (
        "الرد على مطلبكم عدد {reference}",
        "تحية طيبة وبعد،\n\nردّا على مطلبكم الوارد بتاريخ {received} تحت عدد {reference}:\n\n"
        "{answer}\n\n{signature}\n{body_name}",
    ),
    ("answer", "fr"): (
        "Réponse à votre demande n° {reference}",
        "Madame, Monsieur,\n\nEn réponse à votre demande du {received} (n° {reference}) :\n\n"
        "{answer}\n\n{signature}\n{body_name}",
    ),
}

for (_kind, _lang), (_subject, _body) in DEFAULTS.items():
    settings_service.register(SettingSpec(f"mail_template.{_kind}.{_lang}.subject", _subject, str))
    settings_service.register(SettingSpec(f"mail_template.{_kind}.{_lang}.body", _body, str))
settings_service.register(SettingSpec("mail_signature_ar", "مكتب العلاقات مع المواطن", str))
settings_service.register(
    SettingSpec("mail_signature_fr", "Bureau des relations avec le citoyen", str)
)

REASONS = {
    "documents": {"ar": "وثائق إضافية", "fr": "des documents complémentaires"},
    "coordination": {
        "ar": "التنسيق مع هياكل أخرى",
        "fr": "une coordination avec d'autres organismes",
    },
}


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(
    values: Mapping[str, Any], kind: str, lang: str, fields: Mapping[str, str]
) -> tuple[str, str]:
    """(subject, body) of the template in force, placeholders filled."""
    lang = lang if lang in LANGS else "fr"
    subject = str(values.get(f"mail_template.{kind}.{lang}.subject") or DEFAULTS[(kind, lang)][0])
    body = str(values.get(f"mail_template.{kind}.{lang}.body") or DEFAULTS[(kind, lang)][1])
    filled = _Keep(fields)
    filled.setdefault("body_name", str(values.get(f"body_name_{lang}", "")))
    filled.setdefault("signature", str(values.get(f"mail_signature_{lang}", "")))
    return subject.format_map(filled), body.format_map(filled)
