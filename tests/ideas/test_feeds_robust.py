"""Feeds and exports keep working whatever text is already stored, and feed readers see
people's text as the literal characters they typed, never as markup."""

import csv
import io
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from improvement_hub.accounts.roles import Role
from improvement_hub.lab.models import Challenge
from tests.conftest import client_for
from tests.ideas.factories import CampaignFactory, IdeaFactory
from tests.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
# Text stored before the forms and the API refused control characters (what PostgreSQL
# can store: not NUL, not lone surrogates).
STORED = "Bins\x1b[31m late\x07 again\x0b\x7f\x85\x01"
SHOWN = "Bins[31m late again"
HOSTILE = "<script>alert('x')</script> & <b>bold</b> <img src=x onerror=alert(1)>"


class _Html(HTMLParser):
    """What a feed reader that reads the text as HTML would find: elements and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.elements.append(tag)

    def handle_startendtag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.elements.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def _as_html(text: str) -> _Html:
    parser = _Html()
    parser.feed(text)
    parser.close()
    return parser


def _get_xml(client, url: str) -> ElementTree.Element:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


# --- control characters already stored -----------------------------------------------------


@pytest.mark.parametrize("url", ["/ideas/feed/", "/ideas/feed/atom/"], ids=["rss", "atom"])
def test_idea_feeds_stay_valid_xml_when_an_idea_holds_control_characters(client, url):
    IdeaFactory(title=STORED, problem=STORED, proposal="Text people.")
    IdeaFactory(title="A second idea")
    body = client.get(url).content.decode()
    root = ElementTree.fromstring(body)
    titles = [e.text for e in root.iter() if e.tag in ("title", f"{ATOM}title")]
    assert SHOWN in titles
    assert "A second idea" in titles


def test_campaign_feed_stays_valid_xml_when_the_campaign_title_holds_control_characters(client):
    campaign = CampaignFactory(title=f"How could we {STORED}?")
    IdeaFactory(campaign=campaign, title=STORED)
    root = _get_xml(client, reverse("ideas:campaign_feed", args=[campaign.slug]))
    assert root.find("channel/title").text == f"Ideas for ‘How could we {SHOWN}?’ – Ideas Forum"
    assert root.find("channel/item/title").text == SHOWN


@pytest.mark.parametrize(
    "url", ["/lab/challenges/feed/", "/lab/challenges/feed/atom/"], ids=["rss", "atom"]
)
def test_challenge_feeds_stay_valid_xml_when_a_challenge_holds_control_characters(client, url):
    Challenge.objects.create(title=STORED, slug="damp", statement=STORED, is_published=True)
    root = _get_xml(client, url)
    texts = [e.text for e in root.iter()]
    assert SHOWN in texts


def test_idea_exports_stay_valid_when_an_idea_holds_control_characters():
    campaign = CampaignFactory(title=STORED)
    IdeaFactory(title=STORED, campaign=campaign)
    IdeaFactory(title='=HYPERLINK("http://evil")\x1b')
    client = client_for(Role.HUB_TEAM)

    response = client.get(reverse("ideas:export_xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert SHOWN in values
    assert '\'=HYPERLINK("http://evil")' in values, "still safe from formulas"

    response = client.get(reverse("ideas:export_csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert SHOWN in [value for row in rows for value in row]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_initiative_exports_stay_valid_when_an_initiative_holds_control_characters(fmt):
    InitiativeFactory(title=STORED)
    response = client_for(Role.HUB_TEAM).get(f"/initiatives/export.{fmt}")
    assert response.status_code == 200
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [cell.value for row in sheet.iter_rows() for cell in row]
    else:
        text = b"".join(response.streaming_content).decode()
        values = [value for row in csv.reader(io.StringIO(text)) for value in row]
    assert SHOWN in values


# --- markup in people's text ---------------------------------------------------------------


def test_rss_readers_see_literal_text_when_an_idea_holds_markup(client):
    IdeaFactory(title=HOSTILE, problem=HOSTILE, proposal="Fix it")
    item = _get_xml(client, "/ideas/feed/").find("channel/item")
    for name, literal in (("title", HOSTILE), ("description", f"{HOSTILE}\n\nFix it")):
        html = _as_html(item.find(name).text)
        assert html.elements == [], f"the reader would find markup in the {name}"
        assert html.text == literal


def test_atom_readers_see_literal_text_when_an_idea_holds_markup(client):
    IdeaFactory(title=HOSTILE, problem=HOSTILE, proposal="Fix it")
    entry = _get_xml(client, "/ideas/feed/atom/").find(f"{ATOM}entry")
    title, summary = entry.find(f"{ATOM}title"), entry.find(f"{ATOM}summary")
    assert title.get("type", "text") == "text"
    assert title.text == HOSTILE
    assert summary.get("type") == "text", "a summary of type html would be read as markup"
    assert summary.text == f"{HOSTILE}\n\nFix it"


def test_challenge_feeds_show_literal_text_when_a_challenge_holds_markup(client):
    Challenge.objects.create(title=HOSTILE, slug="x", statement=HOSTILE, is_published=True)
    item = _get_xml(client, "/lab/challenges/feed/").find("channel/item")
    assert _as_html(item.find("description").text).elements == []
    assert _as_html(item.find("description").text).text == HOSTILE
    entry = _get_xml(client, "/lab/challenges/feed/atom/").find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}summary").get("type") == "text"
    assert entry.find(f"{ATOM}summary").text == HOSTILE
