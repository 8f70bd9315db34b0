# ruff: noqa: E501 - the table of expected statuses has one line per route
"""Every route of the hub, as anonymous and as each of the five roles, with real objects.

Every URL pattern is resolved from the URLconf (the hub's pages, Wagtail's pages and admin,
allauth, the API with a session and with a token, Wagtail's ``/_util/`` routes). Routes with
parameters are filled with objects of the demo data set: someone's own, another person's,
hidden or unpublished, and missing ones. Each cell (route x object x role) must answer the
status written in ``EXPECTED`` at the bottom of this file, so that a permission regression
fails; no cell may ever answer 5xx.

Codes in the table: a number is the status code; ``L`` is a redirect to a sign-in page;
``R`` is a redirect somewhere else; ``-`` is not visited (Wagtail's admin turns away
signed-in people without admin access before it looks up any object, so only one object
per admin route is visited for them, to keep the sweep within its time). Columns:
anonymous, resident, staff, hub team, partner, leadership. Cells marked by the issue 8 fixes are written as they must be, not as they are.

Set ``SWEEP_RECORD=<a directory>`` to write the observed cells there instead of asserting
(one file per role), to review a change and update the table.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver

from tests.core.demo_world import (
    MISSING,
    MISSING_UUID,
    ROLE_COLUMNS,
    TRACKING_TOKEN,
    SavepointClient,
    World,
)
from tests.core.pinned_cells import is_ours, roles_checked

# Wagtail's /admin/failwhale/ raises on purpose, so operators can test error reporting.
DELIBERATE_ERRORS = {"admin/failwhale/"}
SIGN_IN_PREFIXES = ("/accounts/login/", "/admin/login/", "/_util/login/")

pytestmark = pytest.mark.django_db


# --- the routes -----------------------------------------------------------------------


def _walk(resolver=None, prefix: str = ""):  # type: ignore[no-untyped-def]
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield prefix + route


def all_routes() -> list[str]:
    seen: list[str] = []
    for route in _walk():
        if route not in seen and route not in DELIBERATE_ERRORS:
            seen.append(route)
    return seen


PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def _is_regex(route: str) -> bool:
    return "^" in route or "(?P" in route or "$" in route


def _fill(route: str, values: dict[str, object]) -> str:
    return "/" + PARAM.sub(lambda m: str(values[m.group("name")]), route)


# --- the cells ------------------------------------------------------------------------


def _app_variants(route: str, w: World) -> list[tuple[str, dict[str, object]]] | None:
    """Explicit variants for the hub's own routes with parameters: None if not one of them."""
    i = w.ids
    idea = [
        ("published", {"pk": i["idea_published"]}),
        ("hidden", {"pk": i["idea_hidden"]}),
        ("merged", {"pk": i["idea_merged"]}),
        ("staff's draft", {"pk": i["idea_staff_draft"]}),
        ("missing", {"pk": MISSING}),
    ]
    c_staff, c_other, c_hidden = i["comment_staff"], i["comment_other"], i["comment_hidden"]
    comment = [
        ("staff's", {"pk": c_staff.idea_id, "comment_id": c_staff.pk}),
        ("another's", {"pk": c_other.idea_id, "comment_id": c_other.pk}),
        ("hidden", {"pk": c_hidden.idea_id, "comment_id": c_hidden.pk}),
        ("wrong idea", {"pk": i["idea_hidden"], "comment_id": c_other.pk}),
        ("missing", {"pk": c_other.idea_id, "comment_id": MISSING}),
    ]
    initiative = [
        ("staff-led", {"pk": i["initiative_staff_lead"]}),
        ("partner's", {"pk": i["initiative_partner"]}),
        ("unpublished", {"pk": i["initiative_unpublished"]}),
        ("missing", {"pk": MISSING}),
    ]
    partner, measure = i["initiative_partner"], i["measure"]
    measure_variants = [
        ("partner's", {"pk": partner, "measure_pk": measure}),
        ("other initiative's", {"pk": partner, "measure_pk": i["measure_elsewhere"]}),
        ("missing", {"pk": partner, "measure_pk": MISSING}),
    ]
    reference = i["referral"]
    tracked = [
        ("right token", {"reference": reference, "?": f"?token={TRACKING_TOKEN}"}),
        ("wrong token", {"reference": reference, "?": "?token=wrong"}),
        ("missing", {"reference": "IL-2026-999999", "?": ""}),
    ]
    triage = [("open", {"reference": reference}), ("missing", {"reference": "IL-2026-999999"})]
    booking = [
        ("staff's", {"pk": i["booking_staff"]}),
        ("another's", {"pk": i["booking_other"]}),
        ("missing", {"pk": MISSING}),
    ]
    event = [("published", {"slug": i["event"]}), ("missing", {"slug": "no-such-event"})]
    registration = [
        ("existing", {"token": i["registration_token"]}),
        ("missing", {"token": MISSING_UUID}),
    ]
    pathway = [("published", {"slug": i["pathway"]}), ("missing", {"slug": "no-such-pathway"})]
    decision = [
        ("published", {"pk": i["decision_published"]}),
        ("unpublished", {"pk": i["decision_unpublished"]}),
        ("missing", {"pk": MISSING}),
    ]
    table: dict[str, list[tuple[str, dict[str, object]]]] = {
        "notifications/<int:pk>/": [
            ("resident's", {"pk": i["notification_resident"]}),
            ("staff's", {"pk": i["notification_staff"]}),
            ("missing", {"pk": MISSING}),
        ],
        "ideas/campaigns/<slug:slug>/": [
            ("open", {"slug": i["campaign"]}),
            ("missing", {"slug": "no-such-campaign"}),
        ],
        "ideas/campaigns/<slug:slug>/feed/": [
            ("open", {"slug": i["campaign"]}),
            ("missing", {"slug": "no-such-campaign"}),
        ],
        "ideas/moderation/<int:report_id>/dismiss/": [
            ("open", {"report_id": i["report_open"]}),
            ("resolved", {"report_id": i["report_resolved"]}),
            ("missing", {"report_id": MISSING}),
        ],
        "ideas/<int:pk>/<slug:slug>/": [
            ("published", {"pk": i["idea_published"], "slug": "any-slug"}),
            ("hidden", {"pk": i["idea_hidden"], "slug": "any-slug"}),
            ("staff's draft", {"pk": i["idea_staff_draft"], "slug": "any-slug"}),
            ("missing", {"pk": MISSING, "slug": "any-slug"}),
        ],
        "lab/refer/confirm/<str:token>/": [("bad token", {"token": "not-a-token"})],
        "lab/refer/<slug:step>/": [
            *((step, {"step": step}) for step in ("who", "problem", "contact", "evidence")),
            ("missing", {"step": "no-such-step"}),
        ],
        "lab/track/<str:reference>/": tracked,
        "lab/track/<str:reference>/withdraw/": tracked,
        "lab/track/<str:reference>/my-data.json": tracked,
        "lab/challenges/<slug:slug>/": [
            ("published", {"slug": i["challenge_published"]}),
            ("unpublished", {"slug": i["challenge_unpublished"]}),
            ("missing", {"slug": "no-such-challenge"}),
        ],
        "lab/challenges/<slug:slug>/stage/": [
            ("published", {"slug": i["challenge_published"]}),
            ("unpublished", {"slug": i["challenge_unpublished"]}),
            ("missing", {"slug": "no-such-challenge"}),
        ],
        "lab/triage/<str:reference>/": triage,
        "lab/triage/<str:reference>/contact/": triage,
        "lab/triage/<str:reference>/decide/": triage,
        "lab/triage/<str:reference>/assign/": triage,
        "lab/triage/<str:reference>/tags/": triage,
        "lab/triage/<str:reference>/evidence/<int:evidence_id>/": [
            ("missing file", {"reference": reference, "evidence_id": MISSING}),
        ],
        "initiatives/export.<str:fmt>": [
            (fmt, {"fmt": fmt}) for fmt in ("csv", "xlsx", "json", "exe")
        ],
        "initiatives/<int:pk>/measures/<int:measure_pk>/": measure_variants,
        "initiatives/<int:pk>/measures/<int:measure_pk>/values/": measure_variants,
        "initiatives/<int:pk>/measures/<int:measure_pk>/import/": measure_variants,
        "initiatives/<int:pk>/measures/<int:measure_pk>/rebase/": measure_variants,
        "initiatives/<int:pk>/measures/<int:measure_pk>/values/<int:observation_pk>/delete/": [
            (
                "partner's",
                {"pk": partner, "measure_pk": measure, "observation_pk": i["observation"]},
            ),
            ("missing", {"pk": partner, "measure_pk": measure, "observation_pk": MISSING}),
        ],
        "initiatives/<int:pk>/measures/<int:measure_pk>/rebase/<int:rebase_pk>/delete/": [
            (
                "existing",
                {
                    "pk": i["rebase_initiative"],
                    "measure_pk": i["rebase_measure"],
                    "rebase_pk": i["rebase"],
                },
            ),
            ("missing", {"pk": partner, "measure_pk": measure, "rebase_pk": MISSING}),
        ],
        "initiatives/<int:pk>/pilots/<int:pilot_pk>/decision/": [
            ("partner's", {"pk": partner, "pilot_pk": i["pilot"]}),
            ("missing", {"pk": partner, "pilot_pk": MISSING}),
        ],
        "initiatives/<int:pk>/<slug:kind>/add/": [
            ("partner's milestones", {"pk": partner, "kind": "milestones"}),
            ("partner's team", {"pk": partner, "kind": "team"}),
            ("unpublished risks", {"pk": i["initiative_unpublished"], "kind": "risks"}),
            ("bad kind", {"pk": partner, "kind": "no-such-kind"}),
            ("missing", {"pk": MISSING, "kind": "milestones"}),
        ],
        "initiatives/<int:pk>/<slug:kind>/<int:part_pk>/edit/": [
            ("partner's", {"pk": partner, "kind": "milestones", "part_pk": i["milestone"]}),
            ("missing", {"pk": partner, "kind": "milestones", "part_pk": MISSING}),
        ],
        "initiatives/<int:pk>/<slug:kind>/<int:part_pk>/delete/": [
            ("partner's", {"pk": partner, "kind": "milestones", "part_pk": i["milestone"]}),
            ("missing", {"pk": partner, "kind": "milestones", "part_pk": MISSING}),
        ],
        # spaces (issue 12)
        "spaces/<slug:slug>/": [
            ("public", {"slug": i["space_public"]}),
            ("internal", {"slug": i["space_internal"]}),
            ("missing", {"slug": "no-such-space"}),
        ],
        "spaces/move-plan/<int:pk>/done/": [
            ("step", {"pk": i["move_step"]}),
            ("missing", {"pk": MISSING}),
        ],
        "bookings/resources/<int:pk>/": [
            ("request", {"pk": i["resource_request"]}),
            ("missing", {"pk": MISSING}),
        ],
        "bookings/calendar/<str:token>.ics": [("bad token", {"token": "not-a-token"})],
        "events/places/<uuid:token>/": registration,
        "events/places/<uuid:token>/confirm/": registration,
        "events/<slug:slug>/": event,
        "events/<slug:slug>/register/": event,
        "events/<slug:slug>/change/": event,
        "events/<slug:slug>/cancel/": event,
        "lab/events/<slug:slug>/referrals/": event,
        # academy (issue 11)
        "change-academy/courses/<slug:slug>/": [
            ("published", {"slug": i["course"]}),
            ("draft", {"slug": i["course_draft"]}),
            ("missing", {"slug": "no-such-course"}),
        ],
        "change-academy/pathways/<slug:slug>/": pathway,
        "change-academy/pathways/<slug:slug>/credential.json": pathway,
        "change-academy/pathways/<slug:slug>/steps/<int:step_id>/evidence/": [
            ("step", {"slug": i["pathway"], "step_id": i["step"]}),
            ("missing", {"slug": i["pathway"], "step_id": MISSING}),
        ],
        "change-academy/sessions/<int:pk>/register/<int:enrolment_id>/": [
            ("staff's", {"pk": i["session"], "enrolment_id": i["enrolment_staff"]}),
            ("missing", {"pk": i["session"], "enrolment_id": MISSING}),
        ],
        "change-academy/calendar/<str:token>.ics": [("bad token", {"token": "not-a-token"})],
        "change-academy/certificates/<uuid:reference>.pdf": [
            ("existing", {"reference": i["certificate"]}),
            ("missing", {"reference": MISSING_UUID}),
        ],
        "change-academy/manage/courses/<slug:slug>/sessions/new/": [
            ("published", {"slug": i["course"]}),
            ("missing", {"slug": "no-such-course"}),
        ],
        "initiatives/<int:pk>/training/<int:requirement_pk>/schedule/": [
            ("existing", {"pk": i["requirement_initiative"], "requirement_pk": i["requirement"]}),
            ("missing", {"pk": partner, "requirement_pk": MISSING}),
        ],
        # partnership (issue 15)
        "decisions/<int:pk>/<slug:action>/": [
            ("submit unpublished", {"pk": i["decision_unpublished"], "action": "submit"}),
            ("sign published", {"pk": i["decision_published"], "action": "sign"}),
            ("bad action", {"pk": i["decision_published"], "action": "no-such-action"}),
            ("missing", {"pk": MISSING, "action": "sign"}),
        ],
        "transparency/files/<int:pk>/": [
            ("file", {"pk": i["transparency_file"]}),
            ("missing", {"pk": MISSING}),
        ],
        "contracts/<int:pk>/tasks/<int:number>/evidence/<int:evidence_id>/": [
            ("document", {"pk": i["contract"], "number": 1, "evidence_id": i["evidence"]}),
            ("missing", {"pk": i["contract"], "number": 1, "evidence_id": MISSING}),
        ],
        "handover/<int:pk>/costs/<int:cost_id>/": [
            ("demo's", {"pk": i["contract"], "cost_id": i["running_cost"]}),
            ("missing", {"pk": i["contract"], "cost_id": MISSING}),
        ],
        "handover/<int:pk>/costs/<int:cost_id>/remove/": [
            ("demo's", {"pk": i["contract"], "cost_id": i["running_cost"]}),
            ("missing", {"pk": i["contract"], "cost_id": MISSING}),
        ],
        "initiatives/<int:pk>/training/<int:requirement_pk>/change/": [
            ("existing", {"pk": i["requirement_initiative"], "requirement_pk": i["requirement"]}),
            ("missing", {"pk": partner, "requirement_pk": MISSING}),
        ],
        # insights and public results (issue 13)
        "results/<int:pk>/": [
            ("published", {"pk": i["initiative_staff_lead"]}),
            ("unpublished", {"pk": i["initiative_unpublished"]}),
            ("missing", {"pk": MISSING}),
        ],
        "insights/tables/<slug:slug>.csv": [
            ("ideas funnel", {"slug": "ideas-funnel"}),
            ("missing", {"slug": "no-such-table"}),
        ],
        "insights/tables/<slug:slug>.xlsx": [
            ("ideas funnel", {"slug": "ideas-funnel"}),
            ("missing", {"slug": "no-such-table"}),
        ],
        "newsletter/confirm/<str:token>/": [("bad token", {"token": "not-a-token"})],
        "newsletter/unsubscribe/<str:token>/": [("bad token", {"token": "not-a-token"})],
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": [
            ("missing", {"page_view_restriction_id": MISSING, "page_id": i["page"]}),
        ],
        "documents/authenticate_with_password/<int:restriction_id>/": [
            ("missing", {"restriction_id": MISSING}),
        ],
    }
    if route in table:
        return table[route]
    if route.startswith("accounts/people/<int:pk>/"):
        return [("existing", {"pk": w.users["staff"].pk}), ("missing", {"pk": MISSING})]
    if route.startswith("newsletter/issues/<int:pk>/"):
        return [("draft", {"pk": i["newsletter_issue"]}), ("missing", {"pk": MISSING})]
    if route.startswith("bookings/<int:pk>/"):
        return booking
    if route.startswith("change-academy/sessions/<int:pk>/"):
        return [("latest", {"pk": i["session"]}), ("missing", {"pk": MISSING})]
    if route.startswith("change-academy/bookings/<int:pk>/"):
        return [
            ("staff's", {"pk": i["enrolment_staff"]}),
            ("another's", {"pk": i["enrolment_other"]}),
            ("missing", {"pk": MISSING}),
        ]
    if route.startswith("decisions/<int:pk>/"):
        return decision
    if route.startswith("contracts/<int:pk>/tasks/<int:number>/"):
        return [
            ("task 1", {"pk": i["contract"], "number": 1}),
            ("task 9", {"pk": i["contract"], "number": 9}),
            ("missing", {"pk": MISSING, "number": 1}),
        ]
    if route.startswith(("contracts/<int:pk>/", "handover/<int:pk>/")):
        return [("demo's", {"pk": i["contract"]}), ("missing", {"pk": MISSING})]
    if route.startswith("contracts/payment-blocks/<int:block_id>/"):
        return [("block 1", {"block_id": i["block"]}), ("missing", {"block_id": MISSING})]
    if route.startswith("ideas/<int:pk>/comments/<int:comment_id>/"):
        return comment
    if route.startswith("ideas/<int:pk>/"):
        return idea
    if route.startswith("initiatives/<int:pk>/"):
        return initiative
    return None


def _api_variants(route: str, w: World) -> list[tuple[str, dict[str, object]]] | None:
    i = w.ids
    table: dict[str, list[tuple[str, dict[str, object]]]] = {
        "api/v1/ideas/<idea_id>": [
            ("published", {"idea_id": i["idea_published"]}),
            ("hidden", {"idea_id": i["idea_hidden"]}),
            ("staff's draft", {"idea_id": i["idea_staff_draft"]}),
            ("missing", {"idea_id": MISSING}),
            ("not a number", {"idea_id": "abc"}),
        ],
        "api/v1/referrals/<reference>": [
            ("open", {"reference": i["referral"]}),
            ("missing", {"reference": "IL-2026-999999"}),
        ],
        "api/v1/initiatives/<initiative_id>": [
            ("staff-led", {"initiative_id": i["initiative_staff_lead"]}),
            ("unpublished", {"initiative_id": i["initiative_unpublished"]}),
            ("missing", {"initiative_id": MISSING}),
        ],
        "api/v1/spaces/<space_id>": [
            ("public", {"space_id": i["space_id"]}),
            ("missing", {"space_id": MISSING}),
        ],
        "api/v1/spaces/<space_id>/availability": [
            ("a week", {"space_id": i["space_id"], "?": "?from=2017-03-20&to=2017-03-26"}),
            ("no dates", {"space_id": i["space_id"]}),
            ("missing", {"space_id": MISSING, "?": "?from=2017-03-20&to=2017-03-26"}),
        ],
        "api/v1/spaces/<space_id>/calendar.ics": [
            ("public", {"space_id": i["space_id"]}),
            ("missing", {"space_id": MISSING}),
        ],
        "api/v1/courses/<course_id>": [
            ("published", {"course_id": i["course_id"]}),
            ("missing", {"course_id": MISSING}),
        ],
        "api/v1/sessions/<session_id>": [
            ("latest", {"session_id": i["session"]}),
            ("missing", {"session_id": MISSING}),
        ],
        "api/v1/decisions/<decision_id>": [
            ("published", {"decision_id": i["decision_published"]}),
            ("unpublished", {"decision_id": i["decision_unpublished"]}),
            ("missing", {"decision_id": MISSING}),
        ],
        "api/v1/contracts/<contract_id>": [
            ("demo's", {"contract_id": i["contract"]}),
            ("missing", {"contract_id": MISSING}),
        ],
        "api/v1/measures/<measure_id>": [
            ("partner's", {"measure_id": i["measure"]}),
            ("missing", {"measure_id": MISSING}),
        ],
    }
    if route in table:
        return table[route]
    if route.startswith("api/v1/ideas/<idea_id>/"):
        return [("published", {"idea_id": i["idea_published"]})]
    if route.startswith("api/v1/initiatives/<initiative_id>/"):
        return [("partner's", {"initiative_id": i["initiative_partner"]})]
    if route.startswith("api/v1/measures/<measure_id>/"):
        return [("partner's", {"measure_id": i["measure"]})]
    prefixes = {
        "api/v1/courses/<course_id>/": {"course_id": i["course_id"]},
        "api/v1/sessions/<session_id>/": {"session_id": i["session"]},
        "api/v1/events/<event_id>/": {"event_id": i["event_id"]},
        "api/v1/payment-blocks/<block_id>/": {"block_id": i["block"]},
        "api/v1/deliverables/<deliverable_id>": {"deliverable_id": i["deliverable"]},
        "api/v1/bookings/<booking_id>": {"booking_id": i["booking_staff"]},
    }
    for prefix, values in prefixes.items():
        if route.startswith(prefix):
            return [("existing", values)]
    return None


def _model_pk(app_label: str, model_name: str) -> object:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return MISSING
    obj = model._default_manager.order_by("pk").first()
    return obj.pk if obj else MISSING


def _admin_values(route: str, w: World) -> dict[str, object]:
    """Existing objects for Wagtail's admin routes, by parameter name and route prefix."""
    i = w.ids
    values: dict[str, object] = {
        "page_id": i["page"],
        "parent_page_id": i["page_parent"],
        "page_to_move_id": i["page"],
        "destination_id": i["page_parent"],
        "page_pk": i["page"],
        "revision_id": i["revision"],
        "task_state_id": MISSING,
        "workflow_state_id": MISSING,
        "session_id": MISSING,
        "uploaded_file_id": MISSING,
        "image_id": MISSING,
        "document_id": MISSING,
        "doc_id": MISSING,
        "redirect_id": MISSING,
        "collection_id": i["collection"],
        "task_id": i["task"],
        "workflow_pk": i["workflow"],
        "object_id": i["page"],
        "content_type_app_name": "cms",
        "content_type_model_name": "standardpage",
        "app_label": "cms",
        "model_name": "standardpage",
        "app_name": "cms",
        "action": "delete",
        "action_name": "approve",
        "filter_spec": "original",
        "uidb64": "MQ",
        "token": "not-a-token",
        "pk": MISSING,
    }
    snippet = re.match(r"admin/snippets/(?:choose/)?(\w+)/(\w+)/", route)
    if snippet:
        values["pk"] = _model_pk(snippet.group(1), snippet.group(2))
    for prefix, key in (
        ("admin/users/", None),
        ("admin/groups/", "group"),
        ("admin/api-tokens/", "api_token"),
        ("admin/sites/", "site"),
        ("admin/collections/", "collection"),
        ("admin/workflows/tasks/", "task"),
        ("admin/workflows/", "workflow"),
        ("admin/settings/", "site"),
        ("admin/api/main/^pages/", "page"),
        ("admin/pages/<int:pk>", "page"),
    ):
        if route.startswith(prefix):
            values["pk"] = w.users["resident"].pk if key is None else i[key]
            break
    if route.startswith("admin/settings/"):
        values.update(app_name="cms", model_name="brandingsettings")
    if route.startswith("admin/bulk/"):
        values.update(app_label="wagtailcore", model_name="page")
    if route.startswith("admin/workflows/tasks/add/"):
        values.update(app_label="wagtailcore", model_name="groupapprovaltask")
    if route.startswith("admin/editing-sessions/"):
        values.update(app_label="wagtailcore", model_name="page")
    if route.startswith("admin/api/main/^pages/<int:pk>/action/"):
        values["action_name"] = "copy"
    return values


def _regex_paths(route: str, w: World) -> list[tuple[str, str]]:
    """Paths for the routes written as regular expressions (Wagtail, allauth)."""
    i = w.ids
    explicit: dict[str, list[tuple[str, str]]] = {
        "admin/^.*/$": [("unknown", "/admin/no-such-screen/")],
        "documents/^(\\d+)/(.*)$": [("missing", f"/documents/{MISSING}/file.pdf")],
        "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": [
            ("bad key", "/accounts/confirm-email/not-a-key/")
        ],
        "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": [
            ("bad key", "/accounts/password/reset/key/1-set-password/")
        ],
        "accounts/oidc/^(?P<provider_id>[^/]+)/login/": [
            ("unknown provider", "/accounts/oidc/no-such-provider/login/")
        ],
        "accounts/oidc/^(?P<provider_id>[^/]+)/login/callback/": [
            ("unknown provider", "/accounts/oidc/no-such-provider/login/callback/")
        ],
        "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)"
        "\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": [
            ("page", f"/admin/pages/{i['page']}/revisions/compare/earliest...latest/"),
            ("missing", f"/admin/pages/{MISSING}/revisions/compare/earliest...latest/"),
        ],
        "^((?:[\\w\\-]+/)*)$": [
            ("home", "/"),
            ("live page", "/about/"),
            ("draft page", "/sweep-draft/"),
            ("missing", "/no-such-page/"),
        ],
    }
    if route in explicit:
        return explicit[route]
    # Wagtail's admin API: "admin/api/main/^pages/" and friends
    plain = route.replace("^", "").replace("$", "")
    if PARAM.search(plain) is None:
        return [("", "/" + plain)]
    values = _admin_values(route, w)
    missing = {name: MISSING for name in values}
    return [("existing", _fill(plain, values)), ("missing", _fill(plain, missing))]


@dataclass(frozen=True)
class Cell:
    key: str  # "route [variant]"
    path: str
    token: bool = False  # API: with a bearer token instead of the session


def cells(w: World) -> list[Cell]:
    if not w.cells:
        w.cells = _cells(w)
    return w.cells


def _cells(w: World) -> list[Cell]:
    out: list[Cell] = []
    keys: set[str] = set()
    for route in all_routes():
        is_api = route.startswith("api/v1/") and route != "api/v1/docs"
        if _is_regex(route):
            variants = _regex_paths(route, w)
        elif PARAM.search(route) is None:
            variants = [("", "/" + route)]
        else:
            found = _api_variants(route, w) if is_api else _app_variants(route, w)
            if found is None:
                found = [("existing", _admin_values(route, w))]
                found.append(("missing", dict.fromkeys(found[0][1], MISSING)))
            variants = []
            for name, values in found:
                query = str(values.get("?", ""))
                variants.append((name, _fill(route, values) + query))
        for name, path in variants:
            key = f"{route} [{name}]" if name else route
            if key in keys:
                continue
            keys.add(key)
            out.append(Cell(key, path))
            if is_api:
                out.append(Cell(f"{key} (token)", path, token=True))
    return out


# --- the fixture and the sweep --------------------------------------------------------


def status_code(response) -> str:  # type: ignore[no-untyped-def]
    """The table's code for a response: the status, or L / R for a redirect."""
    if response.status_code in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        path = re.sub(r"^https?://[^/]+", "", location)
        return "L" if path.startswith(SIGN_IN_PREFIXES) else "R"
    return str(response.status_code)


def _headline(response) -> str:  # type: ignore[no-untyped-def]
    exc_info = getattr(response, "exc_info", None)
    if exc_info and exc_info[1] is not None:
        return f"{type(exc_info[1]).__name__}: {str(exc_info[1])[:120]}"
    return ""


def parse_table(text: str) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for line in text.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, codes = line.rpartition(" | ")
        table[key.strip()] = dict(zip(ROLE_COLUMNS, codes.split(), strict=True))
    return table


def _skipped(role: str, cell: Cell) -> bool:
    """Wagtail's admin turns away everyone without admin access before it looks up an
    object, so for those roles one object per admin route is enough (the time limit)."""
    signed_in_outsider = role in ("resident", "staff", "partner", "leadership")
    return signed_in_outsider and cell.key.startswith("admin/") and "[missing]" in cell.key


# A cell the pinned query counts visit for this role (``pinned_cells``) is checked there,
# against this table, instead of here: each cell is visited once per run. A recording
# (SWEEP_RECORD) visits every cell.
BY_THE_COUNTS = "="


def _left_to_the_counts(role: str, cell: Cell) -> bool:
    if os.environ.get("SWEEP_RECORD"):
        return False
    return role in roles_checked(connection.vendor) and is_ours(cell)


def sweep(role: str, w: World) -> dict[str, tuple[str, str, str]]:
    """Each cell's (code, path, exception headline) for one role."""
    session = SavepointClient(raise_request_exception=False)
    if role != "anonymous":
        session.force_login(w.users[role])
    token = w.tokens.get(role, "not-a-valid-token")
    bearer = SavepointClient(
        raise_request_exception=False, headers={"Authorization": f"Bearer {token}"}
    )
    observed = {}
    for cell in cells(w):
        if _skipped(role, cell):  # see the module's docstring
            observed[cell.key] = ("-", cell.path, "")
            continue
        if _left_to_the_counts(role, cell):
            observed[cell.key] = (BY_THE_COUNTS, cell.path, "")
            continue
        client = bearer if cell.token else session
        response = client.get(cell.path)
        observed[cell.key] = (status_code(response), cell.path, _headline(response))
    return observed


@pytest.mark.walk
@pytest.mark.parametrize("role", ROLE_COLUMNS)
def test_every_route_answers_the_expected_status_when_visited_as_each_role(role, world):
    observed = sweep(role, world)
    expected = parse_table(EXPECTED)
    if os.environ.get("SWEEP_RECORD"):
        with (Path(os.environ["SWEEP_RECORD"]) / f"{role}.tsv").open("w") as out:
            for key, (code, path, headline) in observed.items():
                out.write(f"{key}\t{code}\t{path}\t{headline}\n")
        return
    problems = []
    for key, (code, path, headline) in observed.items():
        want = expected.get(key, {}).get(role)
        if code == BY_THE_COUNTS:
            if want is None:
                problems.append(f"{path} ({key}): the table has no row for it")
            continue
        if code.startswith("5"):
            problems.append(f"{path} ({key}): {code} {headline}")
        elif want is None:
            problems.append(f"{path} ({key}): {code}, but the table has no row for it")
        elif code != want:
            problems.append(f"{path} ({key}): {code}, expected {want}")
    assert not problems, "\n".join(problems)


def test_the_table_names_only_routes_that_exist(world):
    keys = {cell.key for cell in cells(world)}
    stale = sorted(set(parse_table(EXPECTED)) - keys)
    assert not stale, stale


def test_the_sweep_covers_every_kind_of_route(world):
    keys = {cell.key for cell in cells(world)}
    for expected in (
        "ideas/<int:pk>/ [hidden]",
        "initiatives/<int:pk>/ [unpublished]",
        "lab/track/<str:reference>/ [right token]",
        "api/v1/ideas/<idea_id> [missing] (token)",
        "admin/snippets/ideas/campaign/edit/<int:pk>/ [existing]",
        "_util/login/",
        "accounts/login/",
        "^((?:[\\w\\-]+/)*)$ [draft page]",
    ):
        assert expected in keys


EXPECTED = r"""
# route [object] | anonymous resident staff hub_team partner leadership
# admin
admin/login/ |   L   L   L   L   L   L
admin/logout/ |   R   R   R   R   R   R
^admin/password_reset/ |   R   R   R   R   R   R
# _util
_util/login/ |   L   L   L   L   L   L
# admin
admin/ |   L 403 403 200 403 403
admin/test404/ |   L 403 403 200 403 403
admin/api/main/^pages/ |   L 403 403 200 403 403
admin/api/main/^pages/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/api/main/^pages/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/api/main/^pages/find/ |   L 403 403 404 403 403
admin/api/main/^pages/<int:pk>/action/<str:action_name>/ [existing] |   L 403 403 405 403 403
admin/api/main/^pages/<int:pk>/action/<str:action_name>/ [missing] |   L   -   - 405   -   -
admin/api/main/^documents/ |   L 403 403 200 403 403
admin/api/main/^documents/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/api/main/^documents/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/api/main/^documents/find/ |   L 403 403 404 403 403
admin/api/main/^images/ |   L 403 403 200 403 403
admin/api/main/^images/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/api/main/^images/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/api/main/^images/find/ |   L 403 403 404 403 403
admin/pages/ |   L 403 403   R 403 403
admin/pages/<int:parent_page_id>/ [existing] |   L 403 403 200 403 403
admin/pages/<int:parent_page_id>/ [missing] |   L   -   - 404   -   -
admin/pages/<int:parent_page_id>/results/ [existing] |   L 403 403 200 403 403
admin/pages/<int:parent_page_id>/results/ [missing] |   L   -   - 404   -   -
admin/bulk/<str:app_label>/<str:model_name>/<str:action>/ [existing] |   L 403 403 404 403 403
admin/bulk/<str:app_label>/<str:model_name>/<str:action>/ [missing] |   L   -   - 404   -   -
admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/ [existing] |   L 403 403 200 403 403
admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/ [missing] |   L   -   - 404   -   -
admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/ [existing] |   L 403 403 200 403 403
admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/ [missing] |   L   -   - 404   -   -
admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/ [existing] |   L 403 403 200 403 403
admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/ [missing] |   L   -   - 404   -   -
admin/pages/create/<slug:app_label>/<slug:model_name> [existing] |   L 403 403 200 403 403
admin/pages/create/<slug:app_label>/<slug:model_name> [missing] |   L   -   - 404   -   -
admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/ [existing] |   L 403 403 200 403 403
admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/usage/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/usage/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/edit/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/edit/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/edit/preview/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/edit/preview/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/view_draft/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/view_draft/ [missing] |   L   -   - 404   -   -
admin/pages/<int:parent_page_id>/add_subpage/ [existing] |   L 403 403 200 403 403
admin/pages/<int:parent_page_id>/add_subpage/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/delete/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/delete/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/unpublish/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/unpublish/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/convert_alias/ [existing] |   L 403 403 404 403 403
admin/pages/<int:page_id>/convert_alias/ [missing] |   L   -   - 404   -   -
admin/pages/search/ |   L 403 403 200 403 403
admin/pages/search/results/ |   L 403 403 200 403 403
admin/pages/<int:page_to_move_id>/move/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_to_move_id>/move/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_to_move_id>/set_position/ [existing] |   L 403 403 405 403 403
admin/pages/<int:page_to_move_id>/set_position/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/copy/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/copy/ [missing] |   L   -   - 404   -   -
admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/ [existing] |   L 403 403 404 403 403
admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/ [missing] |   L   -   - 404   -   -
admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/ [existing] |   L 403 403 404 403 403
admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/ [missing] |   L   -   - 404   -   -
admin/pages/workflow/confirm_cancellation/<int:page_id>/ [existing] |   L 403 403 200 403 403
admin/pages/workflow/confirm_cancellation/<int:page_id>/ [missing] |   L   -   - 404   -   -
admin/pages/workflow/preview/<int:page_id>/<int:task_id>/ [existing] |   L 403 403   R 403 403
admin/pages/workflow/preview/<int:page_id>/<int:task_id>/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/privacy/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/privacy/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/lock/ [existing] |   L 403 403 405 403 403
admin/pages/<int:page_id>/lock/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/unlock/ [existing] |   L 403 403 405 403 403
admin/pages/<int:page_id>/unlock/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/revisions/ [existing] |   L 403 403   R 403 403
admin/pages/<int:page_id>/revisions/ [missing] |   L   -   -   R   -   -
admin/pages/<int:page_id>/revisions/<int:revision_id>/view/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/revisions/<int:revision_id>/view/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/ [missing] |   L   -   - 404   -   -
admin/pages/^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$ [page] |   L 403 403 200 403 403
admin/pages/^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/workflow_history/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/workflow_history/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/ [existing] |   L 403 403 404 403 403
admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/history/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/history/ [missing] |   L   -   - 404   -   -
admin/pages/<int:page_id>/history/results/ [existing] |   L 403 403 200 403 403
admin/pages/<int:page_id>/history/results/ [missing] |   L   -   - 404   -   -
admin/choose-page/ |   L 403 403 200 403 403
admin/choose-page/<int:parent_page_id>/ [existing] |   L 403 403 200 403 403
admin/choose-page/<int:parent_page_id>/ [missing] |   L   -   - 404   -   -
admin/choose-page/search/ |   L 403 403 200 403 403
admin/choose-page/chosen-multiple/ |   L 403 403 200 403 403
admin/choose-external-link/ |   L 403 403 200 403 403
admin/choose-email-link/ |   L 403 403 200 403 403
admin/choose-phone-link/ |   L 403 403 200 403 403
admin/choose-anchor-link/ |   L 403 403 200 403 403
admin/tag-autocomplete/ |   L 403 403 200 403 403
admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/ [existing] |   L 403 403 404 403 403
admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/ [missing] |   L   -   - 404   -   -
admin/collections/ |   L 403 403   R 403 403
admin/collections/add/ |   L 403 403   R 403 403
admin/collections/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/collections/<int:pk>/ [missing] |   L   -   -   R   -   -
admin/collections/<int:pk>/delete/ [existing] |   L 403 403 404 403 403
admin/collections/<int:pk>/delete/ [missing] |   L   -   - 404   -   -
admin/collections/<int:collection_id>/privacy/ [existing] |   L 403 403   R 403 403
admin/collections/<int:collection_id>/privacy/ [missing] |   L   -   - 404   -   -
admin/workflows/list/ |   L 403 403   R 403 403
admin/workflows/list/results/ |   L 403 403   R 403 403
admin/workflows/add/ |   L 403 403   R 403 403
admin/workflows/enable/<int:pk>/ [existing] |   L 403 403 405 403 403
admin/workflows/enable/<int:pk>/ [missing] |   L   -   - 405   -   -
admin/workflows/disable/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/workflows/disable/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/workflows/edit/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/workflows/edit/<int:pk>/ [missing] |   L   -   -   R   -   -
admin/workflows/usage/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/workflows/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/workflows/usage/<int:pk>/results/ [existing] |   L 403 403   R 403 403
admin/workflows/usage/<int:pk>/results/ [missing] |   L   -   - 404   -   -
admin/workflows/remove/<int:page_pk>/ [existing] |   L 403 403 405 403 403
admin/workflows/remove/<int:page_pk>/ [missing] |   L   -   - 405   -   -
admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/ [existing] |   L 403 403 405 403 403
admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/ [missing] |   L   -   - 405   -   -
admin/workflows/tasks/add/<str:app_label>/<str:model_name>/ [existing] |   L 403 403   R 403 403
admin/workflows/tasks/add/<str:app_label>/<str:model_name>/ [missing] |   L   -   - 404   -   -
admin/workflows/tasks/select_type/ |   L 403 403   R 403 403
admin/workflows/tasks/index/ |   L 403 403   R 403 403
admin/workflows/tasks/index/results/ |   L 403 403   R 403 403
admin/workflows/tasks/edit/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/workflows/tasks/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/workflows/tasks/disable/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/workflows/tasks/disable/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/workflows/tasks/enable/<int:pk>/ [existing] |   L 403 403 405 403 403
admin/workflows/tasks/enable/<int:pk>/ [missing] |   L   -   - 405   -   -
admin/workflows/task_chooser/ |   L 403 403 200 403 403
admin/workflows/task_chooser/results/ |   L 403 403 200 403 403
admin/workflows/task_chooser/create/ |   L 403 403 200 403 403
admin/workflows/task_chooser/<int:task_id>/ [existing] |   L 403 403 200 403 403
admin/workflows/task_chooser/<int:task_id>/ [missing] |   L   -   - 404   -   -
admin/reports/locked/ |   L 403 403 200 403 403
admin/reports/locked/results/ |   L 403 403 200 403 403
admin/reports/workflow/ |   L 403 403 200 403 403
admin/reports/workflow/results/ |   L 403 403 200 403 403
admin/reports/workflow_tasks/ |   L 403 403 200 403 403
admin/reports/workflow_tasks/results/ |   L 403 403 200 403 403
admin/reports/site-history/ |   L 403 403 200 403 403
admin/reports/site-history/results/ |   L 403 403 200 403 403
admin/reports/aging-pages/ |   L 403 403 200 403 403
admin/reports/aging-pages/results/ |   L 403 403 200 403 403
admin/reports/page-types-usage/ |   L 403 403 200 403 403
admin/reports/page-types-usage/results/ |   L 403 403 200 403 403
admin/account/ |   L 403 403 200 403 403
admin/dismissibles/ |   L 403 403 200 403 403
admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/ [existing] |   L 403 403 405 403 403
admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/ [missing] |   L   -   - 405   -   -
admin/editing-sessions/release/<int:session_id>/ [existing] |   L 403 403 405 403 403
admin/editing-sessions/release/<int:session_id>/ [missing] |   L   -   - 405   -   -
admin/block-preview/ |   L 403 403 404 403 403
admin/erase-contributions/ |   L 403 403 200 403 403
admin/forms/ |   L 403 403 200 403 403
admin/forms/results/ |   L 403 403 200 403 403
admin/forms/submissions/<int:page_id>/ [existing] |   L 403 403 404 403 403
admin/forms/submissions/<int:page_id>/ [missing] |   L   -   - 404   -   -
admin/forms/submissions/<int:page_id>/results/ [existing] |   L 403 403 404 403 403
admin/forms/submissions/<int:page_id>/results/ [missing] |   L   -   - 404   -   -
admin/forms/submissions/<int:page_id>/delete/ [existing] |   L 403 403   R 403 403
admin/forms/submissions/<int:page_id>/delete/ [missing] |   L   -   -   R   -   -
admin/redirects/ |   L 403 403   R 403 403
admin/redirects/results/ |   L 403 403   R 403 403
admin/redirects/add/ |   L 403 403   R 403 403
admin/redirects/<int:redirect_id>/ [existing] |   L 403 403   R 403 403
admin/redirects/<int:redirect_id>/ [missing] |   L   -   -   R   -   -
admin/redirects/<int:redirect_id>/delete/ [existing] |   L 403 403 404 403 403
admin/redirects/<int:redirect_id>/delete/ [missing] |   L   -   - 404   -   -
admin/redirects/import/ |   L 403 403   R 403 403
admin/redirects/import/process/ |   L 403 403   R 403 403
admin/settings/<slug:app_name>/<slug:model_name>/ [existing] |   L 403 403   R 403 403
admin/settings/<slug:app_name>/<slug:model_name>/ [missing] |   L   -   - 404   -   -
admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/ [existing] |   L 403 403 404 403 403
admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/ [missing] |   L   -   - 404   -   -
admin/embeds/chooser/ |   L 403 403 200 403 403
admin/embeds/chooser/upload/ |   L 403 403 200 403 403
admin/snippets/ |   L 403 403   R 403 403
admin/documents/ |   L 403 403 200 403 403
admin/documents/results/ |   L 403 403 200 403 403
admin/documents/add/ |   L 403 403 200 403 403
admin/documents/edit/<int:document_id>/ [existing] |   L 403 403 404 403 403
admin/documents/edit/<int:document_id>/ [missing] |   L   -   - 404   -   -
admin/documents/delete/<int:document_id>/ [existing] |   L 403 403 404 403 403
admin/documents/delete/<int:document_id>/ [missing] |   L   -   - 404   -   -
admin/documents/multiple/add/ |   L 403 403 200 403 403
admin/documents/multiple/<int:doc_id>/ [existing] |   L 403 403 405 403 403
admin/documents/multiple/<int:doc_id>/ [missing] |   L   -   - 405   -   -
admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/ [existing] |   L 403 403 405 403 403
admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/ [missing] |   L   -   - 405   -   -
admin/documents/multiple/<int:doc_id>/delete/ [existing] |   L 403 403 405 403 403
admin/documents/multiple/<int:doc_id>/delete/ [missing] |   L   -   - 405   -   -
admin/documents/multiple/delete_upload/<int:uploaded_file_id>/ [existing] |   L 403 403 405 403 403
admin/documents/multiple/delete_upload/<int:uploaded_file_id>/ [missing] |   L   -   - 405   -   -
admin/documents/usage/<int:document_id>/ [existing] |   L 403 403 404 403 403
admin/documents/usage/<int:document_id>/ [missing] |   L   -   - 404   -   -
admin/images/ |   L 403 403 200 403 403
admin/images/results/ |   L 403 403 200 403 403
admin/images/<int:image_id>/ [existing] |   L 403 403 404 403 403
admin/images/<int:image_id>/ [missing] |   L   -   - 404   -   -
admin/images/<int:image_id>/delete/ [existing] |   L 403 403 404 403 403
admin/images/<int:image_id>/delete/ [missing] |   L   -   - 404   -   -
admin/images/<int:image_id>/generate_url/ [existing] |   L 403 403 404 403 403
admin/images/<int:image_id>/generate_url/ [missing] |   L   -   - 404   -   -
admin/images/<int:image_id>/generate_url/output/ [existing] |   L 403 403 404 403 403
admin/images/<int:image_id>/generate_url/output/ [missing] |   L   -   - 404   -   -
admin/images/<int:image_id>/preview/<str:filter_spec>/ [existing] |   L 403 403 404 403 403
admin/images/<int:image_id>/preview/<str:filter_spec>/ [missing] |   L   -   - 404   -   -
admin/images/add/ |   L 403 403 200 403 403
admin/images/usage/<int:image_id>/ [existing] |   L 403 403 404 403 403
admin/images/usage/<int:image_id>/ [missing] |   L   -   - 404   -   -
admin/images/multiple/add/ |   L 403 403 200 403 403
admin/images/multiple/<int:image_id>/ [existing] |   L 403 403 405 403 403
admin/images/multiple/<int:image_id>/ [missing] |   L   -   - 405   -   -
admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/ [existing] |   L 403 403 405 403 403
admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/ [missing] |   L   -   - 405   -   -
admin/images/multiple/<int:image_id>/delete/ [existing] |   L 403 403 405 403 403
admin/images/multiple/<int:image_id>/delete/ [missing] |   L   -   - 405   -   -
admin/images/multiple/delete_upload/<int:uploaded_file_id>/ [existing] |   L 403 403 405 403 403
admin/images/multiple/delete_upload/<int:uploaded_file_id>/ [missing] |   L   -   - 405   -   -
admin/snippets/council/priority/ |   L 403 403 200 403 403
admin/snippets/council/priority/results/ |   L 403 403 200 403 403
admin/snippets/council/priority/add/ |   L 403 403 200 403 403
admin/snippets/council/priority/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/priority/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/priority/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/priority/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/priority/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/priority/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/priority/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/priority/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/priority/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/priority/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/priority/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/priority/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/priority/ |   L 403 403 200 403 403
admin/snippets/choose/council/priority/results/ |   L 403 403 200 403 403
admin/snippets/choose/council/priority/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/council/priority/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/priority/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/council/priority/create/ |   L 403 403 200 403 403
admin/snippets/council/directorate/ |   L 403 403 200 403 403
admin/snippets/council/directorate/results/ |   L 403 403 200 403 403
admin/snippets/council/directorate/add/ |   L 403 403 200 403 403
admin/snippets/council/directorate/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/directorate/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/directorate/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/directorate/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/directorate/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/directorate/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/directorate/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/directorate/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/directorate/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/directorate/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/directorate/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/directorate/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/directorate/ |   L 403 403 200 403 403
admin/snippets/choose/council/directorate/results/ |   L 403 403 200 403 403
admin/snippets/choose/council/directorate/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/council/directorate/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/directorate/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/council/directorate/create/ |   L 403 403 200 403 403
admin/snippets/council/service/ |   L 403 403 200 403 403
admin/snippets/council/service/results/ |   L 403 403 200 403 403
admin/snippets/council/service/add/ |   L 403 403 200 403 403
admin/snippets/council/service/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/service/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/service/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/service/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/service/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/service/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/service/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/service/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/service/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/service/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/service/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/service/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/service/ |   L 403 403 200 403 403
admin/snippets/choose/council/service/results/ |   L 403 403 200 403 403
admin/snippets/choose/council/service/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/council/service/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/service/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/council/service/create/ |   L 403 403 200 403 403
admin/snippets/council/organisation/ |   L 403 403 200 403 403
admin/snippets/council/organisation/results/ |   L 403 403 200 403 403
admin/snippets/council/organisation/add/ |   L 403 403 200 403 403
admin/snippets/council/organisation/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/organisation/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/organisation/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/organisation/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/organisation/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/organisation/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/organisation/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/organisation/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/organisation/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/organisation/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/council/organisation/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/council/organisation/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/organisation/ |   L 403 403 200 403 403
admin/snippets/choose/council/organisation/results/ |   L 403 403 200 403 403
admin/snippets/choose/council/organisation/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/council/organisation/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/council/organisation/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/council/organisation/create/ |   L 403 403 200 403 403
admin/snippets/spaces/space/ |   L 403 403 200 403 403
admin/snippets/spaces/space/results/ |   L 403 403 200 403 403
admin/snippets/spaces/space/add/ |   L 403 403 200 403 403
admin/snippets/spaces/space/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/space/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/space/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/space/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/space/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/space/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/space/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/space/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/space/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/space/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/space/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/space/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/space/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/space/results/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/space/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/spaces/space/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/space/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/space/create/ |   L 403 403 200 403 403
admin/snippets/spaces/spacephoto/ |   L 403 403 200 403 403
admin/snippets/spaces/spacephoto/results/ |   L 403 403 200 403 403
admin/snippets/spaces/spacephoto/add/ |   L 403 403 200 403 403
admin/snippets/spaces/spacephoto/edit/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/snippets/spaces/spacephoto/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/spacephoto/delete/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/snippets/spaces/spacephoto/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/spacephoto/usage/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/snippets/spaces/spacephoto/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/spacephoto/history/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/snippets/spaces/spacephoto/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/spacephoto/history-results/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/snippets/spaces/spacephoto/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/spacephoto/copy/<int:pk>/ [existing] |   L 403 403 404 403 403
admin/snippets/spaces/spacephoto/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/spacephoto/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/spacephoto/results/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/spacephoto/chosen/<str:pk>/ [existing] |   L 403 403 404 403 403
admin/snippets/choose/spaces/spacephoto/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/spacephoto/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/spacephoto/create/ |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/ |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/results/ |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/add/ |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/moveplan/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/moveplan/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/moveplan/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/moveplan/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/moveplan/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/moveplan/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/moveplan/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/moveplan/results/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/moveplan/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/spaces/moveplan/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/moveplan/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/moveplan/create/ |   L 403 403 200 403 403
admin/snippets/spaces/movestep/ |   L 403 403 200 403 403
admin/snippets/spaces/movestep/results/ |   L 403 403 200 403 403
admin/snippets/spaces/movestep/add/ |   L 403 403 200 403 403
admin/snippets/spaces/movestep/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/movestep/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/movestep/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/movestep/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/movestep/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/movestep/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/movestep/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/movestep/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/movestep/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/movestep/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/spaces/movestep/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/spaces/movestep/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/movestep/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/movestep/results/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/movestep/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/spaces/movestep/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/spaces/movestep/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/spaces/movestep/create/ |   L 403 403 200 403 403
admin/snippets/ideas/campaign/ |   L 403 403 200 403 403
admin/snippets/ideas/campaign/results/ |   L 403 403 200 403 403
admin/snippets/ideas/campaign/add/ |   L 403 403 200 403 403
admin/snippets/ideas/campaign/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/campaign/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/campaign/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/campaign/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/campaign/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/campaign/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/campaign/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/campaign/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/campaign/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/campaign/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/campaign/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/campaign/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/ideas/campaign/ |   L 403 403 200 403 403
admin/snippets/choose/ideas/campaign/results/ |   L 403 403 200 403 403
admin/snippets/choose/ideas/campaign/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/ideas/campaign/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/ideas/campaign/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/ideas/campaign/create/ |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/ |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/results/ |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/add/ |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/ideastatus/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/ideastatus/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/ideastatus/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/ideastatus/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/ideas/ideastatus/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/ideas/ideastatus/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/ideas/ideastatus/ |   L 403 403 200 403 403
admin/snippets/choose/ideas/ideastatus/results/ |   L 403 403 200 403 403
admin/snippets/choose/ideas/ideastatus/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/ideas/ideastatus/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/ideas/ideastatus/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/ideas/ideastatus/create/ |   L 403 403 200 403 403
admin/snippets/lab/challenge/ |   L 403 403 200 403 403
admin/snippets/lab/challenge/results/ |   L 403 403 200 403 403
admin/snippets/lab/challenge/add/ |   L 403 403 200 403 403
admin/snippets/lab/challenge/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/challenge/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/challenge/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/challenge/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/challenge/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/challenge/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/challenge/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/challenge/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/challenge/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/challenge/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/challenge/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/challenge/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/challenge/ |   L 403 403 200 403 403
admin/snippets/choose/lab/challenge/results/ |   L 403 403 200 403 403
admin/snippets/choose/lab/challenge/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/lab/challenge/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/challenge/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/lab/challenge/create/ |   L 403 403 200 403 403
admin/snippets/lab/labplan/ |   L 403 403 200 403 403
admin/snippets/lab/labplan/results/ |   L 403 403 200 403 403
admin/snippets/lab/labplan/add/ |   L 403 403 200 403 403
admin/snippets/lab/labplan/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/labplan/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/labplan/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/labplan/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/labplan/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/labplan/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/labplan/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/labplan/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/labplan/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/labplan/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/labplan/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/labplan/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/labplan/ |   L 403 403 200 403 403
admin/snippets/choose/lab/labplan/results/ |   L 403 403 200 403 403
admin/snippets/choose/lab/labplan/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/lab/labplan/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/labplan/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/lab/labplan/create/ |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/ |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/results/ |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/add/ |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/sustainabilityindicator/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/sustainabilityindicator/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/sustainabilityindicator/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/sustainabilityindicator/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/sustainabilityindicator/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/sustainabilityindicator/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/sustainabilityindicator/ |   L 403 403 200 403 403
admin/snippets/choose/lab/sustainabilityindicator/results/ |   L 403 403 200 403 403
admin/snippets/choose/lab/sustainabilityindicator/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/lab/sustainabilityindicator/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/sustainabilityindicator/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/lab/sustainabilityindicator/create/ |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/ |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/results/ |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/add/ |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/indicatorreading/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/indicatorreading/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/indicatorreading/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/indicatorreading/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/indicatorreading/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/indicatorreading/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/indicatorreading/ |   L 403 403 200 403 403
admin/snippets/choose/lab/indicatorreading/results/ |   L 403 403 200 403 403
admin/snippets/choose/lab/indicatorreading/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/lab/indicatorreading/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/indicatorreading/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/lab/indicatorreading/create/ |   L 403 403 200 403 403
admin/snippets/lab/method/ |   L 403 403 200 403 403
admin/snippets/lab/method/results/ |   L 403 403 200 403 403
admin/snippets/lab/method/add/ |   L 403 403 200 403 403
admin/snippets/lab/method/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/method/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/method/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/method/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/method/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/method/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/method/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/method/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/method/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/method/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/method/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/method/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/method/ |   L 403 403 200 403 403
admin/snippets/choose/lab/method/results/ |   L 403 403 200 403 403
admin/snippets/choose/lab/method/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/lab/method/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/method/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/lab/method/create/ |   L 403 403 200 403 403
admin/snippets/lab/peerlab/ |   L 403 403 200 403 403
admin/snippets/lab/peerlab/results/ |   L 403 403 200 403 403
admin/snippets/lab/peerlab/add/ |   L 403 403 200 403 403
admin/snippets/lab/peerlab/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/peerlab/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/peerlab/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/peerlab/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/peerlab/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/peerlab/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/peerlab/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/peerlab/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/peerlab/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/peerlab/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/peerlab/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/peerlab/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/peerlab/ |   L 403 403 200 403 403
admin/snippets/choose/lab/peerlab/results/ |   L 403 403 200 403 403
admin/snippets/choose/lab/peerlab/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/lab/peerlab/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/peerlab/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/lab/peerlab/create/ |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/ |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/results/ |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/add/ |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/messagetemplate/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/messagetemplate/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/messagetemplate/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/messagetemplate/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/lab/messagetemplate/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/lab/messagetemplate/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/messagetemplate/ |   L 403 403 200 403 403
admin/snippets/choose/lab/messagetemplate/results/ |   L 403 403 200 403 403
admin/snippets/choose/lab/messagetemplate/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/lab/messagetemplate/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/lab/messagetemplate/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/lab/messagetemplate/create/ |   L 403 403 200 403 403
admin/snippets/academy/course/ |   L 403 403 200 403 403
admin/snippets/academy/course/results/ |   L 403 403 200 403 403
admin/snippets/academy/course/add/ |   L 403 403 200 403 403
admin/snippets/academy/course/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/course/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/course/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/course/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/course/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/course/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/course/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/course/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/course/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/course/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/course/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/course/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/course/ |   L 403 403 200 403 403
admin/snippets/choose/academy/course/results/ |   L 403 403 200 403 403
admin/snippets/choose/academy/course/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/academy/course/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/course/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/academy/course/create/ |   L 403 403 200 403 403
admin/snippets/academy/pathway/ |   L 403 403 200 403 403
admin/snippets/academy/pathway/results/ |   L 403 403 200 403 403
admin/snippets/academy/pathway/add/ |   L 403 403 200 403 403
admin/snippets/academy/pathway/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathway/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathway/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathway/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathway/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathway/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathway/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathway/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathway/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathway/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathway/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathway/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/pathway/ |   L 403 403 200 403 403
admin/snippets/choose/academy/pathway/results/ |   L 403 403 200 403 403
admin/snippets/choose/academy/pathway/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/academy/pathway/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/pathway/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/academy/pathway/create/ |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/ |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/results/ |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/add/ |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathwaystep/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathwaystep/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathwaystep/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathwaystep/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/pathwaystep/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/pathwaystep/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/pathwaystep/ |   L 403 403 200 403 403
admin/snippets/choose/academy/pathwaystep/results/ |   L 403 403 200 403 403
admin/snippets/choose/academy/pathwaystep/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/academy/pathwaystep/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/pathwaystep/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/academy/pathwaystep/create/ |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/ |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/results/ |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/add/ |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/learningvisit/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/learningvisit/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/learningvisit/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/learningvisit/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/learningvisit/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/learningvisit/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/learningvisit/ |   L 403 403 200 403 403
admin/snippets/choose/academy/learningvisit/results/ |   L 403 403 200 403 403
admin/snippets/choose/academy/learningvisit/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/academy/learningvisit/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/learningvisit/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/academy/learningvisit/create/ |   L 403 403 200 403 403
admin/snippets/academy/skill/ |   L 403 403 200 403 403
admin/snippets/academy/skill/results/ |   L 403 403 200 403 403
admin/snippets/academy/skill/add/ |   L 403 403 200 403 403
admin/snippets/academy/skill/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/skill/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/skill/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/skill/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/skill/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/skill/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/skill/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/skill/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/skill/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/skill/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/academy/skill/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/academy/skill/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/skill/ |   L 403 403 200 403 403
admin/snippets/choose/academy/skill/results/ |   L 403 403 200 403 403
admin/snippets/choose/academy/skill/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/academy/skill/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/academy/skill/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/academy/skill/create/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/results/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/add/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignprogramme/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignprogramme/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignprogramme/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignprogramme/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignprogramme/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignprogramme/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/initiatives/redesignprogramme/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignprogramme/results/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignprogramme/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignprogramme/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/initiatives/redesignprogramme/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignprogramme/create/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/results/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/add/ |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignphase/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignphase/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignphase/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignphase/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/redesignphase/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/redesignphase/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/initiatives/redesignphase/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignphase/results/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignphase/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignphase/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/initiatives/redesignphase/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/redesignphase/create/ |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/ |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/results/ |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/add/ |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/programmegoal/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/programmegoal/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/programmegoal/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/programmegoal/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/initiatives/programmegoal/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/initiatives/programmegoal/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/initiatives/programmegoal/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/programmegoal/results/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/programmegoal/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/initiatives/programmegoal/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/initiatives/programmegoal/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/initiatives/programmegoal/create/ |   L 403 403 200 403 403
admin/snippets/partnership/delegation/ |   L 403 403 200 403 403
admin/snippets/partnership/delegation/results/ |   L 403 403 200 403 403
admin/snippets/partnership/delegation/add/ |   L 403 403 200 403 403
admin/snippets/partnership/delegation/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/delegation/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/delegation/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/delegation/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/delegation/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/delegation/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/delegation/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/delegation/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/delegation/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/delegation/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/delegation/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/delegation/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/partnership/delegation/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/delegation/results/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/delegation/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/partnership/delegation/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/partnership/delegation/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/delegation/create/ |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/ |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/results/ |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/add/ |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/otherroute/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/otherroute/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/otherroute/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/otherroute/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/otherroute/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/otherroute/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/partnership/otherroute/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/otherroute/results/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/otherroute/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/partnership/otherroute/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/partnership/otherroute/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/otherroute/create/ |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/ |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/results/ |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/add/ |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/edit/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/procurementrules/delete/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/procurementrules/usage/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/procurementrules/history/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/procurementrules/history-results/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/partnership/procurementrules/copy/<int:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/partnership/procurementrules/copy/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/partnership/procurementrules/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/procurementrules/results/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/procurementrules/chosen/<str:pk>/ [existing] |   L 403 403 200 403 403
admin/snippets/choose/partnership/procurementrules/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/snippets/choose/partnership/procurementrules/chosen-multiple/ |   L 403 403 200 403 403
admin/snippets/choose/partnership/procurementrules/create/ |   L 403 403 200 403 403
admin/sites/ |   L 403 403   R 403 403
admin/sites/results/ |   L 403 403   R 403 403
admin/sites/new/ |   L 403 403   R 403 403
admin/sites/edit/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/sites/edit/<int:pk>/ [missing] |   L   -   -   R   -   -
admin/sites/delete/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/sites/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/sites/history/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/sites/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/sites/history-results/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/sites/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/sites/usage/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/sites/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/sites/copy/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/sites/copy/<int:pk>/ [missing] |   L   -   -   R   -   -
admin/users/ |   L 403 403   R 403 403
admin/users/results/ |   L 403 403   R 403 403
admin/users/new/ |   L 403 403   R 403 403
admin/users/edit/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/users/edit/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/users/delete/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/users/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/users/history/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/users/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/users/history-results/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/users/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/users/usage/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/users/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/users/copy/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/users/copy/<int:pk>/ [missing] |   L   -   -   R   -   -
admin/groups/ |   L 403 403   R 403 403
admin/groups/results/ |   L 403 403   R 403 403
admin/groups/new/ |   L 403 403   R 403 403
admin/groups/edit/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/groups/edit/<int:pk>/ [missing] |   L   -   -   R   -   -
admin/groups/delete/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/groups/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/groups/history/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/groups/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/groups/history-results/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/groups/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/groups/usage/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/groups/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/api-tokens/ |   L 403 403   R 403 403
admin/api-tokens/results/ |   L 403 403   R 403 403
admin/api-tokens/new/ |   L 403 403   R 403 403
admin/api-tokens/edit/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/api-tokens/edit/<int:pk>/ [missing] |   L   -   -   R   -   -
admin/api-tokens/delete/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/api-tokens/delete/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/api-tokens/history/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/api-tokens/history/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/api-tokens/history-results/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/api-tokens/history-results/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/api-tokens/usage/<int:pk>/ [existing] |   L 403 403   R 403 403
admin/api-tokens/usage/<int:pk>/ [missing] |   L   -   - 404   -   -
admin/documents/chooser/ |   L 403 403 200 403 403
admin/documents/chooser/results/ |   L 403 403 200 403 403
admin/documents/chooser/chosen/<str:pk>/ [existing] |   L 403 403 404 403 403
admin/documents/chooser/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/documents/chooser/chosen-multiple/ |   L 403 403 200 403 403
admin/documents/chooser/create/ |   L 403 403 200 403 403
admin/images/chooser/ |   L 403 403 200 403 403
admin/images/chooser/results/ |   L 403 403 200 403 403
admin/images/chooser/chosen/<str:pk>/ [existing] |   L 403 403 404 403 403
admin/images/chooser/chosen/<str:pk>/ [missing] |   L   -   - 404   -   -
admin/images/chooser/chosen-multiple/ |   L 403 403 200 403 403
admin/images/chooser/create/ |   L 403 403 200 403 403
admin/images/chooser/<int:image_id>/select_format/ [existing] |   L 403 403 404 403 403
admin/images/chooser/<int:image_id>/select_format/ [missing] |   L   -   - 404   -   -
admin/sprite/ | 200 403 403 200 403 403
admin/password_reset/ |   R   R   R   R   R   R
admin/password_reset/done/ |   R   R   R   R   R   R
admin/password_reset/confirm/<uidb64>/<token>/ [existing] |   R   R   R   R   R   R
admin/password_reset/confirm/<uidb64>/<token>/ [missing] |   R   -   -   R   -   -
admin/password_reset/complete/ |   R   R   R   R   R   R
admin/jsi18n/ | 200 403 403 200 403 403
admin/^.*/$ [unknown] |   L 403 403 404 403 403
# documents
documents/^(\d+)/(.*)$ [missing] | 404 404 404 404 404 404
documents/authenticate_with_password/<int:restriction_id>/ [missing] | 404 404 404 404 404 404
# accounts
accounts/ |   L 200 200 200 200 200
accounts/name/ |   L 200 200 200 200 200
accounts/people/ |   L 404 404 200 404 404
accounts/people/<int:pk>/ [existing] |   L 404 404 200 404 404
accounts/people/<int:pk>/ [missing] |   L 404 404 404 404 404
accounts/people/<int:pk>/roles/ [existing] |   L 404 404 405 404 404
accounts/people/<int:pk>/roles/ [missing] |   L 404 404 405 404 404
accounts/people/<int:pk>/line-manager/ [existing] |   L 404 404 405 404 404
accounts/people/<int:pk>/line-manager/ [missing] |   L 404 404 405 404 404
accounts/people/<int:pk>/directorate/ [existing] |   L 404 404 405 404 404
accounts/people/<int:pk>/directorate/ [missing] |   L 404 404 405 404 404
accounts/your-data/ |   L 200 200 200 200 200
accounts/your-data/download/ |   L 200 200 200 200 200
accounts/close/ |   L 200 200 200 200 200
accounts/closed/ | 200 200 200 200 200 200
accounts/login/ | 200   R   R   R   R   R
accounts/logout/ |   R 200 200 200 200 200
accounts/inactive/ | 200 200 200 200 200 200
accounts/signup/ | 200   R   R   R   R   R
accounts/reauthenticate/ |   L 200 200 200 200 200
accounts/email/ |   L 200 200 200 200 200
accounts/confirm-email/ | 200 200 200 200 200 200
accounts/password/change/ |   L 200 200 200 200 200
accounts/password/set/ |   L   R   R   R   R   R
accounts/password/reset/ | 200 200 200 200 200 200
accounts/login/code/confirm/ |   L   R   R   R   R   R
accounts/^confirm-email/(?P<key>[-:\w]+)/$ [bad key] | 200 200 200 200 200 200
accounts/password/reset/key/done/ | 200 200 200 200 200 200
accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$ [bad key] | 200 200 200 200 200 200
accounts/password/reset/done/ | 200 200 200 200 200 200
accounts/3rdparty/login/cancelled/ | 200 200 200 200 200 200
accounts/3rdparty/login/error/ | 401 401 401 401 401 401
accounts/3rdparty/signup/ |   L   L   L   L   L   L
accounts/3rdparty/ |   L 200 200 200 200 200
accounts/social/login/cancelled/ |   R   R   R   R   R   R
accounts/social/login/error/ |   R   R   R   R   R   R
accounts/social/signup/ |   R   R   R   R   R   R
accounts/social/connections/ |   R   R   R   R   R   R
accounts/oidc/^(?P<provider_id>[^/]+)/login/ [unknown provider] | 404 404 404 404 404 404
accounts/oidc/^(?P<provider_id>[^/]+)/login/callback/ [unknown provider] | 404 404 404 404 404 404
# notifications
notifications/ |   L 200 200 200 200 200
notifications/mark-all-read/ |   L 405 405 405 405 405
notifications/settings/ |   L 200 200 200 200 200
notifications/<int:pk>/ [resident's] |   L   R 404 404 404 404
notifications/<int:pk>/ [staff's] |   L 404   R 404 404 404
notifications/<int:pk>/ [missing] |   L 404 404 404 404 404
# ideas
ideas/ | 200 200 200 200 200 200
ideas/feed/ | 200 200 200 200 200 200
ideas/feed/atom/ | 200 200 200 200 200 200
ideas/new/ |   L 403 200 200 403 200
ideas/mine/ |   L 200 200 200 200 200
ideas/campaigns/ | 200 200 200 200 200 200
ideas/campaigns/<slug:slug>/ [open] | 200 200 200 200 200 200
ideas/campaigns/<slug:slug>/ [missing] | 404 404 404 404 404 404
ideas/campaigns/<slug:slug>/feed/ [open] | 200 200 200 200 200 200
ideas/campaigns/<slug:slug>/feed/ [missing] | 404 404 404 404 404 404
ideas/review/ |   L 404 404 200 404 404
ideas/matrix/ |   L 404 404 200 404 404
ideas/moderation/ |   L 404 404 200 404 404
ideas/moderation/<int:report_id>/dismiss/ [open] |   L 404 404 405 404 404
ideas/moderation/<int:report_id>/dismiss/ [resolved] |   L 404 404 405 404 404
ideas/moderation/<int:report_id>/dismiss/ [missing] |   L 404 404 405 404 404
ideas/export.csv |   L 404 404 200 404 404
ideas/export.xlsx |   L 404 404 200 404 404
ideas/<int:pk>/ [published] |   R   R   R   R   R   R
ideas/<int:pk>/ [hidden] | 404 404 404   R 404 404
ideas/<int:pk>/ [merged] |   R   R   R   R   R   R
ideas/<int:pk>/ [staff's draft] | 404 404   R 404 404 404
ideas/<int:pk>/ [missing] | 404 404 404 404 404 404
ideas/<int:pk>/edit/ [published] |   L 403 404 404 403 404
ideas/<int:pk>/edit/ [hidden] |   L 403 404 404 403 404
ideas/<int:pk>/edit/ [merged] |   L 403 404 404 403 404
ideas/<int:pk>/edit/ [staff's draft] |   L 403 200 404 403 404
ideas/<int:pk>/edit/ [missing] |   L 403 404 404 403 404
ideas/<int:pk>/check/ [published] |   L   R   R   R   R   R
ideas/<int:pk>/check/ [hidden] |   L 404 404   R 404 404
ideas/<int:pk>/check/ [merged] |   L   R   R   R   R   R
ideas/<int:pk>/check/ [staff's draft] |   L 404 200 404 404 404
ideas/<int:pk>/check/ [missing] |   L 404 404 404 404 404
ideas/<int:pk>/submitted/ [published] |   L 404 404 404 404 404
ideas/<int:pk>/submitted/ [hidden] |   L 404 404 404 404 404
ideas/<int:pk>/submitted/ [merged] |   L 404 404 404 404 404
ideas/<int:pk>/submitted/ [staff's draft] |   L 404 404 404 404 404
ideas/<int:pk>/submitted/ [missing] |   L 404 404 404 404 404
ideas/<int:pk>/delete/ [published] |   L 405 405 405 405 405
ideas/<int:pk>/delete/ [hidden] |   L 405 405 405 405 405
ideas/<int:pk>/delete/ [merged] |   L 405 405 405 405 405
ideas/<int:pk>/delete/ [staff's draft] |   L 405 405 405 405 405
ideas/<int:pk>/delete/ [missing] |   L 405 405 405 405 405
ideas/<int:pk>/support/ [published] |   L 405 405 405 405 405
ideas/<int:pk>/support/ [hidden] |   L 405 405 405 405 405
ideas/<int:pk>/support/ [merged] |   L 405 405 405 405 405
ideas/<int:pk>/support/ [staff's draft] |   L 405 405 405 405 405
ideas/<int:pk>/support/ [missing] |   L 405 405 405 405 405
ideas/<int:pk>/follow/ [published] |   L 405 405 405 405 405
ideas/<int:pk>/follow/ [hidden] |   L 405 405 405 405 405
ideas/<int:pk>/follow/ [merged] |   L 405 405 405 405 405
ideas/<int:pk>/follow/ [staff's draft] |   L 405 405 405 405 405
ideas/<int:pk>/follow/ [missing] |   L 405 405 405 405 405
ideas/<int:pk>/comments/ [published] |   L 405 405 405 405 405
ideas/<int:pk>/comments/ [hidden] |   L 405 405 405 405 405
ideas/<int:pk>/comments/ [merged] |   L 405 405 405 405 405
ideas/<int:pk>/comments/ [staff's draft] |   L 405 405 405 405 405
ideas/<int:pk>/comments/ [missing] |   L 405 405 405 405 405
ideas/<int:pk>/comments/<int:comment_id>/edit/ [staff's] |   L   R   R   R   R   R
ideas/<int:pk>/comments/<int:comment_id>/edit/ [another's] |   L   R   R   R   R   R
ideas/<int:pk>/comments/<int:comment_id>/edit/ [hidden] |   L   R   R   R   R   R
ideas/<int:pk>/comments/<int:comment_id>/edit/ [wrong idea] |   L 404 404 404 404 404
ideas/<int:pk>/comments/<int:comment_id>/edit/ [missing] |   L 404 404 404 404 404
ideas/<int:pk>/comments/<int:comment_id>/report/ [staff's] |   L 200 200 200 200 200
ideas/<int:pk>/comments/<int:comment_id>/report/ [another's] |   L 200 200 200 200 200
ideas/<int:pk>/comments/<int:comment_id>/report/ [hidden] |   L 404 404 200 404 404
ideas/<int:pk>/comments/<int:comment_id>/report/ [wrong idea] |   L 404 404 404 404 404
ideas/<int:pk>/comments/<int:comment_id>/report/ [missing] |   L 404 404 404 404 404
ideas/<int:pk>/comments/<int:comment_id>/hide/ [staff's] |   L 404 404 200 404 404
ideas/<int:pk>/comments/<int:comment_id>/hide/ [another's] |   L 404 404 200 404 404
ideas/<int:pk>/comments/<int:comment_id>/hide/ [hidden] |   L 404 404 200 404 404
ideas/<int:pk>/comments/<int:comment_id>/hide/ [wrong idea] |   L 404 404 404 404 404
ideas/<int:pk>/comments/<int:comment_id>/hide/ [missing] |   L 404 404 404 404 404
ideas/<int:pk>/report/ [published] |   L 200 200 200 200 200
ideas/<int:pk>/report/ [hidden] |   L 404 404 200 404 404
ideas/<int:pk>/report/ [merged] |   L 200 200 200 200 200
ideas/<int:pk>/report/ [staff's draft] |   L 404 200 404 404 404
ideas/<int:pk>/report/ [missing] |   L 404 404 404 404 404
ideas/<int:pk>/manage/ [published] |   L 404 404 200 404 404
ideas/<int:pk>/manage/ [hidden] |   L 404 404 200 404 404
ideas/<int:pk>/manage/ [merged] |   L 404 404 200 404 404
ideas/<int:pk>/manage/ [staff's draft] |   L 404 404 404 404 404
ideas/<int:pk>/manage/ [missing] |   L 404 404 404 404 404
ideas/<int:pk>/respond/ [published] |   L 404 404 405 404 404
ideas/<int:pk>/respond/ [hidden] |   L 404 404 405 404 404
ideas/<int:pk>/respond/ [merged] |   L 404 404 405 404 404
ideas/<int:pk>/respond/ [staff's draft] |   L 404 404 405 404 404
ideas/<int:pk>/respond/ [missing] |   L 404 404 405 404 404
ideas/<int:pk>/assess/ [published] |   L 404 404 405 404 404
ideas/<int:pk>/assess/ [hidden] |   L 404 404 405 404 404
ideas/<int:pk>/assess/ [merged] |   L 404 404 405 404 404
ideas/<int:pk>/assess/ [staff's draft] |   L 404 404 405 404 404
ideas/<int:pk>/assess/ [missing] |   L 404 404 405 404 404
ideas/<int:pk>/assign/ [published] |   L 404 404 405 404 404
ideas/<int:pk>/assign/ [hidden] |   L 404 404 405 404 404
ideas/<int:pk>/assign/ [merged] |   L 404 404 405 404 404
ideas/<int:pk>/assign/ [staff's draft] |   L 404 404 405 404 404
ideas/<int:pk>/assign/ [missing] |   L 404 404 405 404 404
ideas/<int:pk>/merge/ [published] |   L 404 404 405 404 404
ideas/<int:pk>/merge/ [hidden] |   L 404 404 405 404 404
ideas/<int:pk>/merge/ [merged] |   L 404 404 405 404 404
ideas/<int:pk>/merge/ [staff's draft] |   L 404 404 405 404 404
ideas/<int:pk>/merge/ [missing] |   L 404 404 405 404 404
ideas/<int:pk>/hide/ [published] |   L 404 404 405 404 404
ideas/<int:pk>/hide/ [hidden] |   L 404 404 405 404 404
ideas/<int:pk>/hide/ [merged] |   L 404 404 405 404 404
ideas/<int:pk>/hide/ [staff's draft] |   L 404 404 405 404 404
ideas/<int:pk>/hide/ [missing] |   L 404 404 405 404 404
ideas/<int:pk>/unhide/ [published] |   L 404 404 405 404 404
ideas/<int:pk>/unhide/ [hidden] |   L 404 404 405 404 404
ideas/<int:pk>/unhide/ [merged] |   L 404 404 405 404 404
ideas/<int:pk>/unhide/ [staff's draft] |   L 404 404 405 404 404
ideas/<int:pk>/unhide/ [missing] |   L 404 404 405 404 404
ideas/<int:pk>/<slug:slug>/ [published] |   R   R   R   R   R   R
ideas/<int:pk>/<slug:slug>/ [hidden] | 404 404 404   R 404 404
ideas/<int:pk>/<slug:slug>/ [staff's draft] | 404 404   R 404 404 404
ideas/<int:pk>/<slug:slug>/ [missing] | 404 404 404 404 404 404
# lab
lab/ | 200 200 200 200 200 200
lab/refer/ | 200 200 200 200 200 200
lab/refer/check/ |   R   R   R   R   R   R
lab/refer/sent/ |   R   R   R   R   R   R
lab/refer/clear/ | 405 405 405 405 405 405
lab/refer/confirm/<str:token>/ [bad token] | 404 404 404 404 404 404
lab/refer/<slug:step>/ [who] | 200 200 200 200 200 200
lab/refer/<slug:step>/ [problem] | 200 200 200 200 200 200
lab/refer/<slug:step>/ [contact] | 200 200 200 200 200 200
lab/refer/<slug:step>/ [evidence] | 200 200 200 200 200 200
lab/refer/<slug:step>/ [missing] | 404 404 404 404 404 404
lab/my-referrals/ |   L 200 200 200 200 200
lab/track/<str:reference>/ [right token] | 200 200 200 200 200 200
lab/track/<str:reference>/ [wrong token] | 404 404 404 404 404 404
lab/track/<str:reference>/ [missing] | 404 404 404 404 404 404
lab/track/<str:reference>/withdraw/ [right token] | 405 405 405 405 405 405
lab/track/<str:reference>/withdraw/ [wrong token] | 405 405 405 405 405 405
lab/track/<str:reference>/withdraw/ [missing] | 405 405 405 405 405 405
lab/track/<str:reference>/my-data.json [right token] | 200 200 200 200 200 200
lab/track/<str:reference>/my-data.json [wrong token] | 404 404 404 404 404 404
lab/track/<str:reference>/my-data.json [missing] | 404 404 404 404 404 404
lab/challenges/ | 200 200 200 200 200 200
lab/challenges/feed/ | 200 200 200 200 200 200
lab/challenges/feed/atom/ | 200 200 200 200 200 200
lab/challenges/<slug:slug>/ [published] | 200 200 200 200 200 200
lab/challenges/<slug:slug>/ [unpublished] | 404 404 404 404 404 404
lab/challenges/<slug:slug>/ [missing] | 404 404 404 404 404 404
lab/plan/ | 200 200 200 200 200 200
lab/methods/ | 200 200 200 200 200 200
lab/labs/ | 200 200 200 200 200 200
lab/triage/ |   L 404 404 200 404 404
lab/triage/<str:reference>/ [open] |   L 404 404 200 404 404
lab/triage/<str:reference>/ [missing] |   L 404 404 404 404 404
lab/triage/<str:reference>/contact/ [open] |   L 404 404 200 404 404
lab/triage/<str:reference>/contact/ [missing] |   L 404 404 404 404 404
lab/triage/<str:reference>/decide/ [open] |   L 404 404 405 404 404
lab/triage/<str:reference>/decide/ [missing] |   L 404 404 405 404 404
lab/triage/<str:reference>/assign/ [open] |   L 404 404 405 404 404
lab/triage/<str:reference>/assign/ [missing] |   L 404 404 405 404 404
lab/triage/<str:reference>/tags/ [open] |   L 404 404 405 404 404
lab/triage/<str:reference>/tags/ [missing] |   L 404 404 405 404 404
lab/triage/<str:reference>/evidence/<int:evidence_id>/ [missing file] |   L 404 404 404 404 404
lab/events/<slug:slug>/referrals/ [published] |   L 404 404 200 404 404
lab/events/<slug:slug>/referrals/ [missing] |   L 404 404 404 404 404
lab/challenges/<slug:slug>/stage/ [published] |   L 404 404 200 404 404
lab/challenges/<slug:slug>/stage/ [unpublished] |   L 404 404 200 404 404
lab/challenges/<slug:slug>/stage/ [missing] |   L 404 404 404 404 404
# initiatives
initiatives/ | 200 200 200 200 200 200
initiatives/board/ | 200 200 200 200 200 200
initiatives/spectrum/ | 200 200 200 200 200 200
initiatives/timeline/ | 200 200 200 200 200 200
initiatives/summary/ | 200 200 200 200 200 200
initiatives/export.<str:fmt> [csv] |   L 404 200 200 404 200
initiatives/export.<str:fmt> [xlsx] |   L 404 200 200 404 200
initiatives/export.<str:fmt> [json] |   L 404 404 404 404 404
initiatives/export.<str:fmt> [exe] |   L 404 404 404 404 404
initiatives/new/ |   L 403 403 200 403 403
initiatives/<int:pk>/ [staff-led] | 200 200 200 200 200 200
initiatives/<int:pk>/ [partner's] | 200 200 200 200 200 200
initiatives/<int:pk>/ [unpublished] | 404 404 200 200 404 200
initiatives/<int:pk>/ [missing] | 404 404 404 404 404 404
initiatives/<int:pk>/edit/ [staff-led] |   L 404 200 200 404 404
initiatives/<int:pk>/edit/ [partner's] |   L 404 404 200 200 404
initiatives/<int:pk>/edit/ [unpublished] |   L 404 404 200 404 404
initiatives/<int:pk>/edit/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/sources/ [staff-led] |   L 403 403 200 403 403
initiatives/<int:pk>/sources/ [partner's] |   L 403 403 200 403 403
initiatives/<int:pk>/sources/ [unpublished] |   L 404 403 200 404 403
initiatives/<int:pk>/sources/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/follow/ [staff-led] |   L 405 405 405 405 405
initiatives/<int:pk>/follow/ [partner's] |   L 405 405 405 405 405
initiatives/<int:pk>/follow/ [unpublished] |   L 405 405 405 405 405
initiatives/<int:pk>/follow/ [missing] |   L 405 405 405 405 405
initiatives/<int:pk>/measures/<int:measure_pk>/ [partner's] | 404 404 200 200 200 200
initiatives/<int:pk>/measures/<int:measure_pk>/ [other initiative's] | 404 404 404 404 404 404
initiatives/<int:pk>/measures/<int:measure_pk>/ [missing] | 404 404 404 404 404 404
initiatives/<int:pk>/measures/<int:measure_pk>/values/ [partner's] |   L 405 405 405 405 405
initiatives/<int:pk>/measures/<int:measure_pk>/values/ [other initiative's] |   L 405 405 405 405 405
initiatives/<int:pk>/measures/<int:measure_pk>/values/ [missing] |   L 405 405 405 405 405
initiatives/<int:pk>/measures/<int:measure_pk>/import/ [partner's] |   L 404 404   R   R 404
initiatives/<int:pk>/measures/<int:measure_pk>/import/ [other initiative's] |   L 404 404 404 404 404
initiatives/<int:pk>/measures/<int:measure_pk>/import/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/measures/<int:measure_pk>/values/<int:observation_pk>/delete/ [partner's] |   L 404 404 200 200 404
initiatives/<int:pk>/measures/<int:measure_pk>/values/<int:observation_pk>/delete/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/ [partner's] |   L 405 405 405 405 405
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/ [other initiative's] |   L 405 405 405 405 405
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/ [missing] |   L 405 405 405 405 405
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/<int:rebase_pk>/delete/ [existing] |   L 404 404 200 404 200
initiatives/<int:pk>/measures/<int:measure_pk>/rebase/<int:rebase_pk>/delete/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/pilots/<int:pilot_pk>/decision/ [partner's] |   L 403 403 403 403 200
initiatives/<int:pk>/pilots/<int:pilot_pk>/decision/ [missing] |   L 403 403 403 403 404
initiatives/<int:pk>/<slug:kind>/add/ [partner's milestones] |   L 404 404 200 200 404
initiatives/<int:pk>/<slug:kind>/add/ [partner's team] |   L 404 404 200 200 404
initiatives/<int:pk>/<slug:kind>/add/ [unpublished risks] |   L 404 404 200 404 404
initiatives/<int:pk>/<slug:kind>/add/ [bad kind] |   L 404 404 404 404 404
initiatives/<int:pk>/<slug:kind>/add/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/edit/ [partner's] |   L 404 404 200 200 404
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/edit/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/delete/ [partner's] |   L 404 404 200 200 404
initiatives/<int:pk>/<slug:kind>/<int:part_pk>/delete/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/training/new/ [staff-led] |   L 404 200 200 404 404
initiatives/<int:pk>/training/new/ [partner's] |   L 404 404 200 200 404
initiatives/<int:pk>/training/new/ [unpublished] |   L 404 404 200 404 404
initiatives/<int:pk>/training/new/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/training/<int:requirement_pk>/change/ [existing] |   L 404 404 200 404 200
initiatives/<int:pk>/training/<int:requirement_pk>/change/ [missing] |   L 404 404 404 404 404
initiatives/<int:pk>/training/<int:requirement_pk>/schedule/ [existing] |   L 404 404 404 404 404
initiatives/<int:pk>/training/<int:requirement_pk>/schedule/ [missing] |   L 404 404 404 404 404
# change-academy
change-academy/ | 200 200 200 200 200 200
change-academy/courses/<slug:slug>/ [published] | 200 200 200 200 200 200
change-academy/courses/<slug:slug>/ [draft] | 404 404 404 200 404 404
change-academy/courses/<slug:slug>/ [missing] | 404 404 404 404 404 404
change-academy/pathways/<slug:slug>/ [published] | 200 200 200 200 200 200
change-academy/pathways/<slug:slug>/ [missing] | 404 404 404 404 404 404
change-academy/pathways/<slug:slug>/credential.json [published] |   L 404 404 404 404 404
change-academy/pathways/<slug:slug>/credential.json [missing] |   L 404 404 404 404 404
change-academy/pathways/<slug:slug>/steps/<int:step_id>/evidence/ [step] |   L 404 404 404 404 404
change-academy/pathways/<slug:slug>/steps/<int:step_id>/evidence/ [missing] |   L 404 404 404 404 404
change-academy/learning-visits/ |   L 404 200 200 200 200
change-academy/sessions/<int:pk>/ [latest] | 200 200 200 200 200 200
change-academy/sessions/<int:pk>/ [missing] | 404 404 404 404 404 404
change-academy/sessions/<int:pk>/book/ [latest] |   L 405 405 405 405 405
change-academy/sessions/<int:pk>/book/ [missing] |   L 405 405 405 405 405
change-academy/sessions/<int:pk>/register/ [latest] |   L 404 404 200 404 404
change-academy/sessions/<int:pk>/register/ [missing] |   L 404 404 404 404 404
change-academy/sessions/<int:pk>/register/<int:enrolment_id>/ [staff's] |   L 404 405 405 405 405
change-academy/sessions/<int:pk>/register/<int:enrolment_id>/ [missing] |   L 404 405 405 405 405
change-academy/sessions/<int:pk>/promote/ [latest] |   L 404 404 405 404 404
change-academy/sessions/<int:pk>/promote/ [missing] |   L 404 404 405 404 404
change-academy/sessions/<int:pk>/cancel/ [latest] |   L 404 404 405 404 404
change-academy/sessions/<int:pk>/cancel/ [missing] |   L 404 404 405 404 404
change-academy/sessions/<int:pk>/edit/ [latest] |   L 404 404 200 404 404
change-academy/sessions/<int:pk>/edit/ [missing] |   L 404 404 404 404 404
change-academy/bookings/<int:pk>/cancel/ [staff's] |   L 405 405 405 405 405
change-academy/bookings/<int:pk>/cancel/ [another's] |   L 405 405 405 405 405
change-academy/bookings/<int:pk>/cancel/ [missing] |   L 405 405 405 405 405
change-academy/bookings/<int:pk>/approve/ [staff's] |   L 405 405 405 405 405
change-academy/bookings/<int:pk>/approve/ [another's] |   L 405 405 405 405 405
change-academy/bookings/<int:pk>/approve/ [missing] |   L 405 405 405 405 405
change-academy/bookings/<int:pk>/feedback/ [staff's] |   L 404 404 404 404 404
change-academy/bookings/<int:pk>/feedback/ [another's] |   L 404 404 200 404 404
change-academy/bookings/<int:pk>/feedback/ [missing] |   L 404 404 404 404 404
change-academy/my-learning/ |   L 404 200 200 200 200
change-academy/my-learning/skills/ |   L 404 200 200 200 200
change-academy/my-learning/calendar/ |   L 404 405 405 405 405
change-academy/calendar/<str:token>.ics [bad token] | 404 404 404 404 404 404
change-academy/certificates/<uuid:reference>.pdf [existing] |   L 404 404 200 404 404
change-academy/certificates/<uuid:reference>.pdf [missing] |   L 404 404 404 404 404
change-academy/manage/ |   L 404 404 200 404 404
change-academy/manage/courses/<slug:slug>/sessions/new/ [published] |   L 404 404 200 404 404
change-academy/manage/courses/<slug:slug>/sessions/new/ [missing] |   L 404 404 404 404 404
change-academy/manage/matrix/ |   L 404 404 200 404 404
change-academy/manage/report.csv |   L 404 404 200 404 404
change-academy/manage/report.xlsx |   L 404 404 200 404 404
# spaces
spaces/ | 200 200 200 200 200 200
spaces/week/ | 200 200 200 200 200 200
spaces/move-plan/ | 200 200 200 200 200 200
spaces/move-plan/<int:pk>/done/ [step] |   L 404 404 405 404 404
spaces/move-plan/<int:pk>/done/ [missing] |   L 404 404 405 404 404
spaces/utilisation/ |   L 404 404 200 404 200
spaces/<slug:slug>/ [public] | 200 200 200 200 200 200
spaces/<slug:slug>/ [internal] | 404 404 200 200 200 200
spaces/<slug:slug>/ [missing] | 404 404 404 404 404 404
# bookings
bookings/ |   L 200 200 200 200 200
bookings/new/ |   L 200 200 200 200 200
bookings/repeat/ |   L 200 200 200 200 200
bookings/approvals/ |   L 404 404 200 404 404
bookings/resources/ |   L 404 404 200 404 404
bookings/resources/<int:pk>/ [request] |   L 404 404 405 404 404
bookings/resources/<int:pk>/ [missing] |   L 404 404 405 404 404
bookings/calendar/<str:token>.ics [bad token] | 404 404 404 404 404 404
bookings/<int:pk>/ [staff's] |   L 404 200 200 404 404
bookings/<int:pk>/ [another's] |   L 404 404 200 404 404
bookings/<int:pk>/ [missing] |   L 404 404 404 404 404
bookings/<int:pk>/change/ [staff's] |   L 404 200 200 404 404
bookings/<int:pk>/change/ [another's] |   L 404 404 200 404 404
bookings/<int:pk>/change/ [missing] |   L 404 404 404 404 404
bookings/<int:pk>/cancel/ [staff's] |   L 404 200 200 404 404
bookings/<int:pk>/cancel/ [another's] |   L 404 404 200 404 404
bookings/<int:pk>/cancel/ [missing] |   L 404 404 404 404 404
bookings/<int:pk>/resources/ [staff's] |   L 405 405 405 405 405
bookings/<int:pk>/resources/ [another's] |   L 405 405 405 405 405
bookings/<int:pk>/resources/ [missing] |   L 405 405 405 405 405
bookings/<int:pk>/decide/ [staff's] |   L 404 404 405 404 404
bookings/<int:pk>/decide/ [another's] |   L 404 404 405 404 404
bookings/<int:pk>/decide/ [missing] |   L 404 404 405 404 404
# events
events/ | 200 200 200 200 200 200
events/feed/ | 200 200 200 200 200 200
events/calendar.ics | 200 200 200 200 200 200
events/places/<uuid:token>/ [existing] | 200 200 200 200 200 200
events/places/<uuid:token>/ [missing] | 404 404 404 404 404 404
events/places/<uuid:token>/confirm/ [existing] | 200 200 200 200 200 200
events/places/<uuid:token>/confirm/ [missing] | 404 404 404 404 404 404
events/new/ |   L 404 404 200 404 404
events/<slug:slug>/ [published] | 200 200 200 200 200 200
events/<slug:slug>/ [missing] | 404 404 404 404 404 404
events/<slug:slug>/register/ [published] |   L 404 404 200 404 404
events/<slug:slug>/register/ [missing] |   L 404 404 404 404 404
events/<slug:slug>/change/ [published] |   L 404 404 200 404 404
events/<slug:slug>/change/ [missing] |   L 404 404 404 404 404
events/<slug:slug>/cancel/ [published] |   L 404 404 200 404 404
events/<slug:slug>/cancel/ [missing] |   L 404 404 404 404 404
# decisions
decisions/ | 200 200 200 200 200 200
decisions/<int:pk>/ [published] | 200 200 200 200 200 200
decisions/<int:pk>/ [unpublished] | 404 404 404 404 404 404
decisions/<int:pk>/ [missing] | 404 404 404 404 404 404
decisions/<int:pk>/pdf/ [published] | 200 200 200 200 200 200
decisions/<int:pk>/pdf/ [unpublished] | 404 404 404 404 404 404
decisions/<int:pk>/pdf/ [missing] | 404 404 404 404 404 404
# transparency
transparency/ | 200 200 200 200 200 200
transparency/contracts.csv | 200 200 200 200 200 200
transparency/spend.csv | 200 200 200 200 200 200
transparency/files/<int:pk>/ [file] | 200 200 200 200 200 200
transparency/files/<int:pk>/ [missing] | 404 404 404 404 404 404
transparency/publish/ |   L 404 404 200 404 404
# decisions
decisions/new/ |   L 404 404 200 404 404
decisions/<int:pk>/quotations/ [published] |   L 404 404 200 404 404
decisions/<int:pk>/quotations/ [unpublished] |   L 404 404 404 404 404
decisions/<int:pk>/quotations/ [missing] |   L 404 404 404 404 404
decisions/<int:pk>/<slug:action>/ [submit unpublished] |   L 404 404 405 404 405
decisions/<int:pk>/<slug:action>/ [sign published] |   L 404 404 405 404 405
decisions/<int:pk>/<slug:action>/ [bad action] |   L 404 404 405 404 405
decisions/<int:pk>/<slug:action>/ [missing] |   L 404 404 405 404 405
# contracts
contracts/ |   L 404 404 200 200 200
contracts/new/ |   L 404 404 200 404 404
contracts/<int:pk>/ [demo's] |   L 404 404 200 200 200
contracts/<int:pk>/ [missing] |   L 404 404 404 404 404
contracts/<int:pk>/vary/ [demo's] |   L 404 404 200 404 404
contracts/<int:pk>/vary/ [missing] |   L 404 404 404 404 404
contracts/<int:pk>/tasks/<int:number>/ [task 1] |   L 404 404 200 200 200
contracts/<int:pk>/tasks/<int:number>/ [task 9] |   L 404 404 404 404 404
contracts/<int:pk>/tasks/<int:number>/ [missing] |   L 404 404 404 404 404
contracts/<int:pk>/tasks/<int:number>/evidence/ [task 1] |   L 404 404 405 405 405
contracts/<int:pk>/tasks/<int:number>/evidence/ [task 9] |   L 404 404 405 405 405
contracts/<int:pk>/tasks/<int:number>/evidence/ [missing] |   L 404 404 405 405 405
contracts/<int:pk>/tasks/<int:number>/evidence/<int:evidence_id>/ [document] |   L 404 404 404 404 404
contracts/<int:pk>/tasks/<int:number>/evidence/<int:evidence_id>/ [missing] |   L 404 404 404 404 404
contracts/<int:pk>/tasks/<int:number>/edit/ [task 1] |   L 404 404 200 404 404
contracts/<int:pk>/tasks/<int:number>/edit/ [task 9] |   L 404 404 404 404 404
contracts/<int:pk>/tasks/<int:number>/edit/ [missing] |   L 404 404 404 404 404
contracts/<int:pk>/tasks/<int:number>/submit/ [task 1] |   L 404 404 405 405 405
contracts/<int:pk>/tasks/<int:number>/submit/ [task 9] |   L 404 404 405 405 405
contracts/<int:pk>/tasks/<int:number>/submit/ [missing] |   L 404 404 405 405 405
contracts/<int:pk>/tasks/<int:number>/review/ [task 1] |   L 404 404 405 404 404
contracts/<int:pk>/tasks/<int:number>/review/ [task 9] |   L 404 404 405 404 404
contracts/<int:pk>/tasks/<int:number>/review/ [missing] |   L 404 404 405 404 404
contracts/<int:pk>/audit/ [demo's] |   L 404 404 200 404 200
contracts/<int:pk>/audit/ [missing] |   L 404 404 404 404 404
contracts/<int:pk>/audit.csv [demo's] |   L 404 404 200 404 200
contracts/<int:pk>/audit.csv [missing] |   L 404 404 404 404 404
contracts/payment-blocks/<int:block_id>/approve/ [block 1] |   L 404 404 404 404 405
contracts/payment-blocks/<int:block_id>/approve/ [missing] |   L 404 404 404 404 405
contracts/payment-blocks/<int:block_id>/invoice/ [block 1] |   L 404 404 200 404 404
contracts/payment-blocks/<int:block_id>/invoice/ [missing] |   L 404 404 404 404 404
contracts/payment-blocks/<int:block_id>/paid/ [block 1] |   L 404 404 200 404 404
contracts/payment-blocks/<int:block_id>/paid/ [missing] |   L 404 404 404 404 404
# handover
handover/<int:pk>/ [demo's] |   L 404 404 200 404 200
handover/<int:pk>/ [missing] |   L 404 404 404 404 404
handover/<int:pk>/sign-off/ [demo's] |   L 404 404 404 404 405
handover/<int:pk>/sign-off/ [missing] |   L 404 404 404 404 405
handover/<int:pk>/edit/ [demo's] |   L 404 404 200 404 404
handover/<int:pk>/edit/ [missing] |   L 404 404 404 404 404
handover/<int:pk>/costs/new/ [demo's] |   L 404 404 200 404 404
handover/<int:pk>/costs/new/ [missing] |   L 404 404 404 404 404
handover/<int:pk>/costs/<int:cost_id>/ [demo's] |   L 404 404 200 404 404
handover/<int:pk>/costs/<int:cost_id>/ [missing] |   L 404 404 404 404 404
handover/<int:pk>/costs/<int:cost_id>/remove/ [demo's] |   L 404 404 405 404 404
handover/<int:pk>/costs/<int:cost_id>/remove/ [missing] |   L 404 404 405 404 404
# insights
insights/ |   L 403 403 200 403 200
insights/board-pack.pdf |   L 403 403 200 403 200
insights/tables/<slug:slug>.csv [ideas funnel] |   L 403 403 200 403 200
insights/tables/<slug:slug>.csv [missing] |   L 403 403 404 403 404
insights/tables/<slug:slug>.xlsx [ideas funnel] |   L 403 403 200 403 200
insights/tables/<slug:slug>.xlsx [missing] |   L 403 403 404 403 404
# results
results/ | 200 200 200 200 200 200
results/<int:pk>/ [published] | 200 200 200 200 200 200
results/<int:pk>/ [unpublished] | 404 404 404 404 404 404
results/<int:pk>/ [missing] | 404 404 404 404 404 404
results/data.csv | 200 200 200 200 200 200
results/figures.csv | 200 200 200 200 200 200
results/measures.csv | 200 200 200 200 200 200
results/data.json | 200 200 200 200 200 200
# newsletter
newsletter/ | 200 200 200 200 200 200
newsletter/check-your-email/ |   R   R   R   R   R   R
newsletter/confirm/<str:token>/ [bad token] | 404 404 404 404 404 404
newsletter/unsubscribe/<str:token>/ [bad token] | 404 404 404 404 404 404
newsletter/issues/ |   L 404 404 200 404 404
newsletter/issues/new/ |   L 404 404 200 404 404
newsletter/issues/<int:pk>/ [draft] |   L 404 404 200 404 404
newsletter/issues/<int:pk>/ [missing] |   L 404 404 404 404 404
newsletter/issues/<int:pk>/edit/ [draft] |   L 404 404 200 404 404
newsletter/issues/<int:pk>/edit/ [missing] |   L 404 404 404 404 404
newsletter/issues/<int:pk>/send/ [draft] |   L 404 404 405 404 404
newsletter/issues/<int:pk>/send/ [missing] |   L 404 404 405 404 404
# pages
robots.txt | 200 200 200 200 200 200
sitemap.xml | 200 200 200 200 200 200
# news
news/feed/ | 200 200 200 200 200 200
# api
api/v1/docs |   L 403 403 200 403 403
api/v1/openapi.json | 200 200 200 200 200 200
api/v1/openapi.json (token) | 200 200 200 200 200 200
api/v1/priorities | 200 200 200 200 200 200
api/v1/priorities (token) | 200 200 200 200 200 200
api/v1/services | 200 200 200 200 200 200
api/v1/services (token) | 200 200 200 200 200 200
api/v1/ideas | 200 200 200 200 200 200
api/v1/ideas (token) | 200 200 200 200 200 200
api/v1/ideas/similar | 422 422 422 422 422 422
api/v1/ideas/similar (token) | 422 422 422 422 422 422
api/v1/ideas/<idea_id> [published] | 200 200 200 200 200 200
api/v1/ideas/<idea_id> [published] (token) | 200 200 200 200 200 200
api/v1/ideas/<idea_id> [hidden] | 404 404 404 200 404 404
api/v1/ideas/<idea_id> [hidden] (token) | 404 404 404 404 404 404
api/v1/ideas/<idea_id> [staff's draft] | 404 404 404 404 404 404
api/v1/ideas/<idea_id> [staff's draft] (token) | 404 404 404 404 404 404
api/v1/ideas/<idea_id> [missing] | 404 404 404 404 404 404
api/v1/ideas/<idea_id> [missing] (token) | 404 404 404 404 404 404
api/v1/ideas/<idea_id> [not a number] | 422 422 422 422 422 422
api/v1/ideas/<idea_id> [not a number] (token) | 422 422 422 422 422 422
api/v1/ideas/<idea_id>/support [published] | 405 405 405 405 405 405
api/v1/ideas/<idea_id>/support [published] (token) | 405 405 405 405 405 405
api/v1/referrals | 405 405 405 405 405 405
api/v1/referrals (token) | 405 405 405 405 405 405
api/v1/referrals/<reference> [open] | 404 404 404 200 404 404
api/v1/referrals/<reference> [open] (token) | 404 404 404 404 404 404
api/v1/referrals/<reference> [missing] | 404 404 404 404 404 404
api/v1/referrals/<reference> [missing] (token) | 404 404 404 404 404 404
api/v1/challenges | 200 200 200 200 200 200
api/v1/challenges (token) | 200 200 200 200 200 200
api/v1/initiatives | 200 200 200 200 200 200
api/v1/initiatives (token) | 401 200 200 200 200 200
api/v1/initiatives/<initiative_id> [staff-led] | 200 200 200 200 200 200
api/v1/initiatives/<initiative_id> [staff-led] (token) | 401 200 200 200 200 200
api/v1/initiatives/<initiative_id> [unpublished] | 404 404 200 200 404 200
api/v1/initiatives/<initiative_id> [unpublished] (token) | 401 404 200 200 404 200
api/v1/initiatives/<initiative_id> [missing] | 404 404 404 404 404 404
api/v1/initiatives/<initiative_id> [missing] (token) | 401 404 404 404 404 404
api/v1/initiatives/<initiative_id>/measures [partner's] | 405 405 405 405 405 405
api/v1/initiatives/<initiative_id>/measures [partner's] (token) | 405 405 405 405 405 405
api/v1/measures/<measure_id> [partner's] | 404 404 200 200 200 200
api/v1/measures/<measure_id> [partner's] (token) | 401 404 200 200 200 200
api/v1/measures/<measure_id> [missing] | 404 404 404 404 404 404
api/v1/measures/<measure_id> [missing] (token) | 401 404 404 404 404 404
api/v1/measures/<measure_id>/observations [partner's] | 405 405 405 405 405 405
api/v1/measures/<measure_id>/observations [partner's] (token) | 405 405 405 405 405 405
api/v1/initiatives/<initiative_id>/team [partner's] | 405 405 405 405 405 405
api/v1/initiatives/<initiative_id>/team [partner's] (token) | 405 405 405 405 405 405
api/v1/spaces | 200 200 200 200 200 200
api/v1/spaces (token) | 401 200 200 200 200 200
api/v1/spaces/<space_id> [public] | 200 200 200 200 200 200
api/v1/spaces/<space_id> [public] (token) | 401 200 200 200 200 200
api/v1/spaces/<space_id> [missing] | 404 404 404 404 404 404
api/v1/spaces/<space_id> [missing] (token) | 401 404 404 404 404 404
api/v1/spaces/<space_id>/availability [a week] | 200 200 200 200 200 200
api/v1/spaces/<space_id>/availability [a week] (token) | 401 200 200 200 200 200
api/v1/spaces/<space_id>/availability [no dates] | 422 422 422 422 422 422
api/v1/spaces/<space_id>/availability [no dates] (token) | 401 422 422 422 422 422
api/v1/spaces/<space_id>/availability [missing] | 404 404 404 404 404 404
api/v1/spaces/<space_id>/availability [missing] (token) | 401 404 404 404 404 404
api/v1/spaces/<space_id>/calendar.ics [public] | 200 200 200 200 200 200
api/v1/spaces/<space_id>/calendar.ics [public] (token) | 401 200 200 200 200 200
api/v1/spaces/<space_id>/calendar.ics [missing] | 404 404 404 404 404 404
api/v1/spaces/<space_id>/calendar.ics [missing] (token) | 401 404 404 404 404 404
api/v1/bookings | 405 405 405 405 405 405
api/v1/bookings (token) | 405 405 405 405 405 405
api/v1/bookings/series | 405 405 405 405 405 405
api/v1/bookings/series (token) | 405 405 405 405 405 405
api/v1/bookings/<booking_id> [existing] | 405 405 405 405 405 405
api/v1/bookings/<booking_id> [existing] (token) | 405 405 405 405 405 405
api/v1/events | 200 200 200 200 200 200
api/v1/events (token) | 200 200 200 200 200 200
api/v1/events/<event_id>/registrations [existing] | 405 405 405 405 405 405
api/v1/events/<event_id>/registrations [existing] (token) | 405 405 405 405 405 405
api/v1/courses | 200 200 200 200 200 200
api/v1/courses (token) | 401 200 200 200 200 200
api/v1/courses/<course_id> [published] | 200 200 200 200 200 200
api/v1/courses/<course_id> [published] (token) | 401 200 200 200 200 200
api/v1/courses/<course_id> [missing] | 404 404 404 404 404 404
api/v1/courses/<course_id> [missing] (token) | 401 404 404 404 404 404
api/v1/courses/<course_id>/sessions [existing] | 200 200 200 200 200 200
api/v1/courses/<course_id>/sessions [existing] (token) | 401 200 200 200 200 200
api/v1/sessions/<session_id> [latest] | 200 200 200 200 200 200
api/v1/sessions/<session_id> [latest] (token) | 401 200 200 200 200 200
api/v1/sessions/<session_id> [missing] | 404 404 404 404 404 404
api/v1/sessions/<session_id> [missing] (token) | 401 404 404 404 404 404
api/v1/sessions/<session_id>/bookings [existing] | 405 405 405 405 405 405
api/v1/sessions/<session_id>/bookings [existing] (token) | 405 405 405 405 405 405
api/v1/sessions/<session_id>/bookings/me [existing] | 405 405 405 405 405 405
api/v1/sessions/<session_id>/bookings/me [existing] (token) | 405 405 405 405 405 405
api/v1/me/learning | 401 200 200 200 200 200
api/v1/me/learning (token) | 401 200 200 200 200 200
api/v1/decisions | 200 200 200 200 200 200
api/v1/decisions (token) | 401 200 200 200 200 200
api/v1/decisions/<decision_id> [published] | 200 200 200 200 200 200
api/v1/decisions/<decision_id> [published] (token) | 401 200 200 200 200 200
api/v1/decisions/<decision_id> [unpublished] | 404 404 404 404 404 404
api/v1/decisions/<decision_id> [unpublished] (token) | 401 404 404 404 404 404
api/v1/decisions/<decision_id> [missing] | 404 404 404 404 404 404
api/v1/decisions/<decision_id> [missing] (token) | 401 404 404 404 404 404
api/v1/delegations | 200 200 200 200 200 200
api/v1/delegations (token) | 200 200 200 200 200 200
api/v1/contracts/<contract_id> [demo's] | 401 404 404 200 200 200
api/v1/contracts/<contract_id> [demo's] (token) | 401 404 404 200 200 200
api/v1/contracts/<contract_id> [missing] | 401 404 404 404 404 404
api/v1/contracts/<contract_id> [missing] (token) | 401 404 404 404 404 404
api/v1/payment-blocks/<block_id>/approve [existing] | 405 405 405 405 405 405
api/v1/payment-blocks/<block_id>/approve [existing] (token) | 405 405 405 405 405 405
api/v1/deliverables/<deliverable_id> [existing] | 405 405 405 405 405 405
api/v1/deliverables/<deliverable_id> [existing] (token) | 405 405 405 405 405 405
api/v1/transparency/contracts.csv | 200 200 200 200 200 200
api/v1/transparency/contracts.csv (token) | 200 200 200 200 200 200
api/v1/ | 404 404 404 404 404 404
api/v1/ (token) | 404 404 404 404 404 404
# _util
_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/ [missing] | 404 404 404 404 404 404
# pages
^((?:[\w\-]+/)*)$ [home] | 200 200 200 200 200 200
^((?:[\w\-]+/)*)$ [live page] | 200 200 200 200 200 200
^((?:[\w\-]+/)*)$ [draft page] | 404 404 404 404 404 404
^((?:[\w\-]+/)*)$ [missing] | 404 404 404 404 404 404
"""
