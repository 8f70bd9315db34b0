"""Certificates of completion (PDF, by WeasyPrint) and the pathway's Open Badges 3.0
credential (a W3C Verifiable Credential, unsigned: its id resolves on this site)."""

import json
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from improvement_hub.academy.models import Certificate
from improvement_hub.academy.selectors import PathwayProgress

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User


def certificate_pdf(certificate: Certificate, request: HttpRequest | None = None) -> bytes:
    """The certificate as a one-page A4 landscape PDF with the council's branding (from
    the site's branding settings, through the template context)."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # WeasyPrint ships no types

    html = render_to_string(
        "academy/certificate.html",
        {
            "certificate": certificate,
            "name": certificate.person.get_full_name() or certificate.person.email,
        },
        request=request,
    )
    return bytes(HTML(string=html, base_url=str(settings.WAGTAILADMIN_BASE_URL)).write_pdf())


def pathway_credential(
    *, person: "User", progress: PathwayProgress, base_url: str
) -> dict[str, object]:
    """An OpenBadgeCredential (Open Badges 3.0) saying ``person`` achieved the pathway."""
    pathway = progress.pathway
    url = base_url.rstrip("/") + pathway.get_absolute_url()
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"{url}credentials/{person.pk}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{pathway.title}: {pathway.capability}",
        "issuer": {
            "id": base_url.rstrip("/") + "/change-academy/",
            "type": ["Profile"],
            "name": "Change Academy, Improvement Hub",
        },
        "validFrom": timezone.now().replace(microsecond=0).isoformat(),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": False,
                    "identityHash": person.email,
                }
            ],
            "achievement": {
                "id": url,
                "type": ["Achievement"],
                "achievementType": "Competency",
                "name": pathway.title,
                "description": pathway.summary,
                "criteria": {
                    "narrative": "; ".join(s.step.title for s in progress.steps),
                },
            },
        },
    }


def pathway_credential_json(
    *, person: "User", progress: PathwayProgress, request: HttpRequest
) -> str:
    credential = pathway_credential(
        person=person, progress=progress, base_url=request.build_absolute_uri("/")
    )
    return json.dumps(credential, indent=2)
