"""Hostile input (tests/core/hostile.py) sent everywhere a person can type, as every role.

* Every form: each page a role can reach is fetched and its ``<form>``s parsed (fields,
  choices, the hidden CSRF token); each form is sent with a deterministic sample of the
  corpus in its fields.
* Every query parameter of the list and search pages (the parameters of their GET forms
  and links, and the usual ones: ``q``, ``page``, ``sort``, ``assignee``...), alone and
  combined with a search.
* Every API operation of /api/v1/openapi.json: its path and query parameters and each
  field of its request body (strings and numbers, NaN and Infinity included).

Nothing may answer 5xx, and the corpus's markup must never come back unescaped: in pages,
in feeds (also for content already stored, which bypassed today's validation), in the
CSV/XLSX exports (where no cell may start a formula either) and in the emails sent.
"""

from __future__ import annotations

import io
import json
import logging
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client

from tests.core.demo_world import MISSING, ROLE_COLUMNS, TRACKING_TOKEN, SavepointClient, World
from tests.core.hostile import HOSTILE, HOSTILE_NUMBERS, MARKERS, SEARCH_ENTRIES, sample

pytestmark = pytest.mark.django_db

FORM_SAMPLE = 3  # corpus entries per form and role
QUERY_SAMPLE = 2  # per query parameter and role
API_SAMPLE = 2  # per API operation and role
KNOWN_QUERY_PARAMETERS = [
    "q",
    "page",
    "sort",
    "status",
    "assignee",
    "campaign",
    "directorate",
    "service",
    "priority",
    "stage",
    "scale",
    "next",
]
# Forms whose effect would end the session or the account for the rest of the sweep: they
# are sent inside a savepoint that is rolled back.
UNDONE_ACTIONS = ("logout", "close", "delete", "withdraw", "password/change", "email")
TEXT_TYPES = {"text", "search", "email", "url", "tel", "number", "date", "password", ""}


# --- forms in a page ------------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    fields: list[dict[str, object]] = field(default_factory=list)

    def key(self) -> str:
        names = sorted({str(f["name"]) for f in self.fields})
        return f"{self.method} {urlsplit(self.action).path} {','.join(names)}"


class FormParser(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: dict[str, object] | None = None
        self._textarea: dict[str, object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "?" in a.get("href", ""):
            self.links.append(urljoin(self.base, a["href"]))
        if tag == "form":
            action = urljoin(self.base, a.get("action") or self.base)
            self._form = Form(action=action, method=(a.get("method") or "get").lower())
            self.forms.append(self._form)
            return
        if self._form is None or not a.get("name"):
            if tag == "option" and self._select is not None:
                self._select["options"].append(a.get("value", ""))  # type: ignore[union-attr]
            return
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                if kind == "submit":
                    self._form.fields.append(
                        {"name": a["name"], "type": kind, "value": a.get("value", "")}
                    )
                return
            self._form.fields.append(
                {
                    "name": a["name"],
                    "type": kind,
                    "value": a.get("value", "on" if kind in ("checkbox", "radio") else ""),
                    "checked": "checked" in a,
                }
            )
        elif tag == "textarea":
            self._textarea = {"name": a["name"], "type": "textarea", "value": ""}
            self._form.fields.append(self._textarea)
        elif tag == "select":
            self._select = {
                "name": a["name"],
                "type": "select",
                "options": [],
                "multiple": "multiple" in a,
            }
            self._form.fields.append(self._select)
        elif tag == "button" and a.get("type", "submit") == "submit":
            self._form.fields.append(
                {"name": a["name"], "type": "submit", "value": a.get("value", "")}
            )

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea["value"] = str(self._textarea["value"]) + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _fill_form(form: Form, value: str, hostile_choices: bool) -> dict[str, object]:
    """The form as a person would send it, with ``value`` in every field one can type in
    (and in the choices too when ``hostile_choices``). The CSRF token is kept."""
    data: dict[str, object] = {}
    seen_submit = False
    for f in form.fields:
        name, kind = str(f["name"]), str(f["type"])
        if name == "csrfmiddlewaretoken":
            data[name] = f["value"]
        elif kind == "submit":
            if not seen_submit:  # the first button, as pressing Enter would
                data[name] = f["value"]
                seen_submit = True
        elif kind in ("textarea", *TEXT_TYPES):
            data[name] = value
        elif kind == "hidden":
            data[name] = value if hostile_choices else f["value"]
        elif kind == "select":
            options = [o for o in f["options"] if o]  # type: ignore[union-attr]
            chosen = value if hostile_choices or not options else options[0]
            data[name] = [chosen] if f.get("multiple") else chosen
        elif kind in ("checkbox", "radio"):
            if name not in data:
                data[name] = value if hostile_choices else f["value"]
    return data


# --- checks ---------------------------------------------------------------------------


@dataclass
class Findings:
    role: str
    problems: list[str] = field(default_factory=list)

    requests: int = 0

    def check(self, where: str, entry: str, response) -> None:  # type: ignore[no-untyped-def]
        self.requests += 1
        status = response.status_code
        if status >= 500:
            exc = getattr(response, "exc_info", None)
            headline = f"{type(exc[1]).__name__}: {str(exc[1])[:150]}" if exc and exc[1] else ""
            self.problems.append(f"{where} | {self.role} | {entry} | {status} | {headline}")
            return
        content_type = response.headers.get("Content-Type", "")
        if "html" in content_type and not getattr(response, "streaming", False):
            body = response.content.decode(errors="replace")
            for marker in MARKERS:
                if marker in body:
                    self.problems.append(
                        f"{where} | {self.role} | {entry} | {status} | unescaped {marker!r}"
                    )


def _client(role: str, w: World) -> Client:
    client = SavepointClient(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(w.users[role])
    return client


def _signed_in_again(client: Client, role: str, w: World) -> None:
    if role != "anonymous" and "_auth_user_id" not in client.session:
        client.force_login(w.users[role])


def _pages(role: str, w: World) -> list[str]:
    """The pages whose forms and query parameters are tried (those the role may reach)."""
    i = w.ids
    c_staff = i["comment_staff"]
    partner, measure = i["initiative_partner"], i["measure"]
    pages = [
        "/",
        "/ideas/",
        "/ideas/new/",
        "/ideas/mine/",
        "/ideas/campaigns/",
        f"/ideas/campaigns/{i['campaign']}/",
        f"/ideas/{i['idea_published']}/",
        f"/ideas/{i['idea_published']}/report/",
        f"/ideas/{i['idea_staff_draft']}/edit/",
        f"/ideas/{i['idea_staff_draft']}/check/",
        f"/ideas/{c_staff.idea_id}/comments/{c_staff.pk}/edit/",
        f"/ideas/{c_staff.idea_id}/comments/{c_staff.pk}/report/",
        "/ideas/review/",
        "/ideas/matrix/",
        "/ideas/moderation/",
        f"/ideas/{i['idea_published']}/manage/",
        "/lab/",
        "/lab/refer/",
        *(
            f"/lab/refer/{step}/"
            for step in (
                "who",
                "affected",
                "problem",
                "services",
                "tried",
                "priorities",
                "contact",
                "consent",
            )
        ),
        f"/lab/track/{i['referral']}/?token={TRACKING_TOKEN}",
        "/lab/challenges/",
        "/lab/triage/",
        f"/lab/triage/{i['referral']}/",
        f"/lab/triage/{i['referral']}/contact/",
        "/initiatives/",
        "/initiatives/board/",
        "/initiatives/timeline/",
        "/initiatives/spectrum/",
        "/initiatives/summary/",
        "/initiatives/new/",
        f"/initiatives/{partner}/",
        f"/initiatives/{partner}/edit/",
        f"/initiatives/{partner}/sources/",
        f"/initiatives/{partner}/measures/{measure}/",
        f"/initiatives/{partner}/pilots/{i['pilot']}/decision/",
        *(
            f"/initiatives/{partner}/{kind}/add/"
            for kind in (
                "team",
                "milestones",
                "risks",
                "benefits",
                "updates",
                "prototypes",
                "pdsa",
                "pilots",
                "measures",
                "training",
            )
        ),
        "/notifications/",
        "/notifications/settings/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accounts/password/change/",
        "/accounts/email/",
        "/accounts/your-data/",
        "/accounts/close/",
    ]
    if role == "hub_team":
        pages += [
            f"/admin/snippets/{model}/add/"
            for model in (
                "ideas/campaign",
                "lab/challenge",
                "lab/messagetemplate",
                "council/service",
            )
        ]
    return pages


# --- the three sweeps -----------------------------------------------------------------


def _forms_and_queries(role: str, w: World, found: Findings) -> None:
    client = _client(role, w)
    forms: dict[str, Form] = {}
    query_routes: dict[str, set[str]] = {}
    for page in _pages(role, w):
        response = client.get(page, follow=True)
        found.check(f"GET {page}", "(none)", response)
        if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
            continue
        query = response.request.get("QUERY_STRING", "")
        base = "http://testserver" + response.request["PATH_INFO"] + (f"?{query}" if query else "")
        parser = FormParser(base)
        parser.feed(response.content.decode(errors="replace"))
        for form in parser.forms:
            if urlsplit(form.action).netloc not in ("", "testserver"):
                continue
            if form.method == "get":
                params = query_routes.setdefault(urlsplit(form.action).path, set())
                params.update(str(f["name"]) for f in form.fields if f["type"] != "submit")
                params.update(KNOWN_QUERY_PARAMETERS)  # a list or search page
            elif form.fields:
                forms.setdefault(form.key(), form)
        for link in parser.links:
            parts = urlsplit(link)
            if parts.netloc in ("", "testserver") and not parts.path.startswith("/admin/"):
                params = query_routes.setdefault(parts.path, set())
                params.update(name for name, _ in parse_qsl(parts.query, keep_blank_values=True))

    # every form, with a sample of the corpus in its fields
    for key, form in forms.items():
        path = urlsplit(form.action).path
        undo = any(word in path for word in UNDONE_ACTIONS)
        for n, (name, value) in enumerate(sample(f"{role} {key}", FORM_SAMPLE)):
            cache.clear()  # rate limits would hide what the form does with the input
            _signed_in_again(client, role, w)
            data = _fill_form(form, value, hostile_choices=n % 2 == 1)
            with transaction.atomic():
                response = client.post(form.action, data) if form.method == "post" else None
                if undo:
                    transaction.set_rollback(True)
            if response is not None:
                found.check(f"POST {path} [{','.join(sorted(data))}]", name, response)

    # every query parameter of every list and search page, alone and with a search
    for path, params in sorted(query_routes.items()):
        for param in sorted(params):
            entries = sample(f"{role} {path} {param}", QUERY_SAMPLE, always=("huge",))
            if param == "q":  # each role tries its share of the search syntax
                search = [e for e in HOSTILE if e[0] in SEARCH_ENTRIES]
                start = ROLE_COLUMNS.index(role) * 3
                entries = [search[(start + k) % len(search)] for k in range(3)]
            for name, value in entries:
                _signed_in_again(client, role, w)
                query = {param: value} if param == "q" else {"q": "housing", param: value}
                response = client.get(path, query)
                found.check(f"GET {path}?{param}=", name, response)


def _example(schema: dict, components: dict) -> object:  # type: ignore[type-arg]
    """A valid-looking value for a JSON schema."""
    if "$ref" in schema:
        return _example(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    for combined in ("anyOf", "oneOf", "allOf"):
        if combined in schema:
            options = [s for s in schema[combined] if s.get("type") != "null"]
            return _example(options[0], components) if options else None
    kind = schema.get("type")
    if kind == "object":
        return {name: _example(s, components) for name, s in schema.get("properties", {}).items()}
    if kind == "array":
        return []
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("format") == "date":
        return "2026-01-01"
    if schema.get("format") == "email":
        return "someone@example.com"
    return "A title"


def _hostile_bodies(body: dict, schema: dict, components: dict, key: str):  # type: ignore[no-untyped-def,type-arg]
    """Bodies with hostile strings in every string field, and hostile numbers in every
    number field (one kind at a time)."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if schema.get("type") == "array":  # a list of items: the hostile item, alone
        item = _example(schema.get("items", {}), components)
        for name, hostile in _hostile_bodies(item, schema.get("items", {}), components, key):
            yield name, [hostile]
        return
    if not isinstance(body, dict):
        return
    props = schema.get("properties", {})

    def kind(s: dict) -> str:  # type: ignore[type-arg]
        if "$ref" in s:
            s = components[s["$ref"].rsplit("/", 1)[-1]]
        for combined in ("anyOf", "oneOf"):
            if combined in s:
                types = [kind(o) for o in s[combined] if o.get("type") != "null"]
                return types[0] if types else ""
        return s.get("type", "")

    strings = [n for n, s in props.items() if kind(s) == "string"]
    numbers = [n for n, s in props.items() if kind(s) in ("integer", "number")]
    arrays = [n for n, s in props.items() if kind(s) == "array"]
    for name, value in sample(key, API_SAMPLE):
        yield name, {**body, **dict.fromkeys(strings, value), **{a: [value] for a in arrays}}
    for name, number in HOSTILE_NUMBERS:
        if numbers:
            yield f"number {name}", {**body, **dict.fromkeys(numbers, number)}


def _api(role: str, w: World, found: Findings) -> None:
    auth = {} if role == "anonymous" else {"Authorization": f"Bearer {w.tokens[role]}"}
    client = SavepointClient(raise_request_exception=False, headers=auth)
    document = client.get("/api/v1/openapi.json").json()
    components = document.get("components", {}).get("schemas", {})
    i = w.ids
    real = {
        "idea_id": i["idea_published"],
        "initiative_id": i["initiative_partner"],
        "measure_id": i["measure"],
        "reference": i["referral"],
    }
    for template, operations in document["paths"].items():
        for method, operation in operations.items():
            params = operation.get("parameters", [])
            path_names = [p["name"] for p in params if p["in"] == "path"]
            query_names = [p["name"] for p in params if p["in"] == "query"]
            path = template
            for name in path_names:
                path = path.replace("{" + name + "}", str(real.get(name, MISSING)))
            key = f"{role} {method} {template}"
            # hostile path parameters
            for name in path_names:
                for entry, value in sample(f"{key} {name}", API_SAMPLE, always=("huge",)):
                    from urllib.parse import quote

                    bad = template.replace("{" + name + "}", quote(value, safe="") or "%20")
                    for other in path_names:
                        bad = bad.replace("{" + other + "}", str(real.get(other, MISSING)))
                    response = client.generic(method.upper(), bad)
                    found.check(f"{method.upper()} {template} ({name})", entry, response)
            # hostile query parameters
            for name in query_names:
                for entry, value in sample(f"{key} {name}", API_SAMPLE, always=("huge",)):
                    response = client.generic(method.upper(), f"{path}?{urlencode({name: value})}")
                    found.check(f"{method.upper()} {template}?{name}=", entry, response)
            # hostile bodies
            content = operation.get("requestBody", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema")
            if schema is None:
                continue
            body = _example(schema, components)
            for entry, hostile in _hostile_bodies(body, schema, components, key):  # type: ignore[arg-type]
                cache.clear()
                data = json.dumps(hostile, allow_nan=True)
                response = client.generic(
                    method.upper(), path, data, content_type="application/json"
                )
                found.check(f"{method.upper()} {template} (body)", entry, response)


# --- what the hub shows of stored input: pages, feeds, exports, emails ------------------

FEEDS = ["/ideas/feed/", "/ideas/feed/atom/", "/lab/challenges/feed/", "/lab/challenges/feed/atom/"]
EXPORTS = [
    "/ideas/export.csv",
    "/ideas/export.xlsx",
    "/initiatives/export.csv",
    "/initiatives/export.xlsx",
]


def _check_outputs(role: str, w: World, found: Findings, entry: str) -> None:
    client = _client(role, w)
    i = w.ids
    for path in [
        "/ideas/",
        f"/ideas/{i['idea_published']}/",
        "/ideas/?q=alert",
        "/initiatives/",
        f"/initiatives/{i['initiative_partner']}/",
        "/lab/challenges/",
        "/ideas/review/",
        "/lab/triage/",
    ]:
        found.check(f"GET {path}", entry, client.get(path, follow=True))
    # a measure whose target or values came from hostile numbers must still show
    from improvement_hub.initiatives.models import Measure

    for measure in Measure.objects.filter(initiative_id=i["initiative_partner"]):
        page = f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/"
        found.check(f"GET {page}", entry, client.get(page))
        found.check(
            f"GET /api/v1/measures/{measure.pk}",
            entry,
            client.get(f"/api/v1/measures/{measure.pk}"),
        )
    campaign_feed = f"/ideas/campaigns/{i['campaign']}/feed/"
    for path in [*FEEDS, campaign_feed]:
        response = client.get(path)
        found.check(f"GET {path}", entry, response)
        if response.status_code != 200:
            continue
        try:
            root = ET.fromstring(response.content)  # noqa: S314 - our own feed
        except ET.ParseError as error:
            found.problems.append(
                f"GET {path} | {role} | {entry} | 200 | not well-formed XML: {error}"
            )
            continue
        for element in root.iter():
            # where a feed reader reads HTML: RSS <description>, Atom type="html" text
            tag = element.tag.rsplit("}", 1)[-1]
            if tag != "description" and element.get("type") not in ("html", "xhtml"):
                continue
            text = element.text or ""
            for marker in MARKERS:
                if marker in text:
                    found.problems.append(
                        f"GET {path} | {role} | {entry} | 200 | <{tag}> holds {marker!r} as HTML"
                    )
    for path in EXPORTS:
        for query in ("", "?q=alert"):
            response = client.get(path + query)
            found.check(f"GET {path}{query}", entry, response)
            if response.status_code == 200:
                try:
                    cells = _export_cells(path, response)
                except Exception as error:  # a streamed file fails after its 200 was sent
                    found.problems.append(
                        f"GET {path}{query} | {role} | {entry} | 200 | broken file: "
                        f"{type(error).__name__}: {str(error)[:100]}"
                    )
                    continue
                for cell in cells:
                    if cell[:1] in ("=", "+", "@") or cell.startswith("-="):
                        found.problems.append(
                            f"GET {path}{query} | {role} | {entry} | 200 | formula {cell[:40]!r}"
                        )


def _export_cells(path: str, response) -> list[str]:  # type: ignore[no-untyped-def]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if path.endswith(".csv"):
        import csv

        return [
            cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row
        ]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    return [
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c
    ]


def _check_emails(role: str, found: Findings) -> None:
    for message in mail.outbox:
        if any(ord(ch) < 32 for ch in message.subject):
            found.problems.append(
                f"email {message.subject[:40]!r} | {role} | - | - | control character in subject"
            )
        for html, _type in getattr(message, "alternatives", []):
            for marker in MARKERS:
                if marker in str(html):
                    found.problems.append(
                        f"email {message.subject[:40]!r} | {role} | - | - | unescaped {marker!r}"
                    )


def _report(found: Findings) -> str:
    unique = list(dict.fromkeys(found.problems))
    return f"{len(unique)} problems (where | role | input | status | cause):\n" + "\n".join(unique)


@pytest.fixture
def quiet_requests():  # type: ignore[no-untyped-def]
    """Thousands of 4xx would be logged; the test reports what matters itself."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


def _hostile_roles() -> list[str]:
    """Every role on SQLite. On PostgreSQL (where what differs is the database: a string
    too long for its column, a NUL byte), the roles whose forms reach furthest between
    them: anonymous (the public forms), the Hub Team (every hub form), a partner (the
    contract's evidence) and Leadership (pilot decisions); Resident's and Staff's forms are
    among theirs. ``HOSTILE_ALL_ROLES=1`` sends as every role on PostgreSQL too."""
    if connection.vendor == "postgresql" and not os.environ.get("HOSTILE_ALL_ROLES"):
        return ["anonymous", "hub_team", "partner", "leadership"]
    return list(ROLE_COLUMNS)


@pytest.mark.parametrize("role", _hostile_roles())
def test_no_hostile_input_breaks_a_page_or_comes_back_unescaped_when_sent_as_each_role(
    role, world, quiet_requests
):
    found = Findings(role)
    _forms_and_queries(role, world, found)
    _api(role, world, found)
    _check_outputs(role, world, found, "(what the sweep stored)")
    _check_emails(role, found)
    assert not found.problems, _report(found)


def test_feeds_exports_and_pages_survive_hostile_text_already_stored_when_read_by_the_hub_team(
    world,
):
    """Text stored before today's validation (control characters, markup) must neither
    break nor leak from the pages, feeds and exports."""
    from improvement_hub.ideas.models import Comment, Idea
    from improvement_hub.initiatives.models import Initiative
    from improvement_hub.lab.models import Challenge

    found = Findings("hub_team")
    # PostgreSQL cannot store a NUL at all, so only the other databases may hold one
    stored = ("script", "img onerror", "esc", "bel", "formula")
    if connection.vendor != "postgresql":
        stored += ("nul",)
    for name, value in [e for e in HOSTILE if e[0] in stored]:
        with transaction.atomic():
            text = f"Stored {value} text"
            Idea.objects.filter(pk=world.ids["idea_published"]).update(
                title=text[:200], problem=text
            )
            Comment.objects.filter(pk=world.ids["comment_other"].pk).update(body=text)
            Initiative.objects.filter(pk=world.ids["initiative_partner"]).update(
                title=text[:200], public_summary=text
            )
            Challenge.objects.filter(is_published=True).update(statement=text)
            _check_outputs("hub_team", world, found, name)
            _check_outputs("anonymous", world, found, name)
            transaction.set_rollback(True)
    assert not found.problems, _report(found)


def test_the_form_parser_finds_fields_choices_and_the_csrf_token():
    html = """<form method="post" action="/x/">
    <input type="hidden" name="csrfmiddlewaretoken" value="t">
    <input name="title"><textarea name="body">old</textarea>
    <select name="s"><option value="">-</option>
    <option value="a">A</option></select><input type="checkbox" name="c" value="1">
    <button type="submit" name="action" value="save">Save</button></form>"""
    parser = FormParser("http://testserver/page/")
    parser.feed(html)
    (form,) = parser.forms
    data = _fill_form(form, "<b>", hostile_choices=False)
    assert data == {
        "csrfmiddlewaretoken": "t",
        "title": "<b>",
        "body": "<b>",
        "s": "a",
        "c": "1",
        "action": "save",
    }
    assert form.key() == "post /x/ action,body,c,csrfmiddlewaretoken,s,title"
