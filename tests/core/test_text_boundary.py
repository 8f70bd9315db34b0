"""Invisible control characters are refused where text comes in, by every form and the
API alike, with a GOV.UK message and nothing stored; ordinary unicode is not."""

import json

import pytest
from django import forms
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.core.validators import has_control_characters, strip_control_characters
from improvement_hub.ideas.models import Idea
from improvement_hub.initiatives.models import Initiative, Measure
from improvement_hub.lab.models import Referral, ReferralDraft
from tests.conftest import client_for
from tests.initiatives.factories import InitiativeFactory

CONTROL = {
    "NUL": "\x00",
    "BEL": "\x07",
    "ESC": "\x1b[31m",
    "vertical tab": "\x0b",
    "DEL": "\x7f",
    "C1 NEL": "\x85",
    "lone surrogate": "\ud800",
}
# A form post is UTF-8 bytes, which cannot carry a lone surrogate; JSON can.
IN_A_FORM_POST = {name: text for name, text in CONTROL.items() if name != "lone surrogate"}
ORDINARY = {
    "emoji with zero-width joiners": "Our family 👩‍👩‍👧‍👦 and 🏳️‍🌈 flags",
    "right-to-left text": "مرحبا بالعالم שלום",
    "accents": "Crème brûlée at the Café Noël, Łódź",
    "tabs and new lines": "First line\tcolumn\r\nSecond line\n",
    "right-to-left mark": "abc\u200fdef",
}


@pytest.mark.parametrize("text", CONTROL.values(), ids=CONTROL.keys())
def test_control_characters_are_found_and_stripped_when_present(text):
    assert has_control_characters(f"Lifts {text}broken")
    assert has_control_characters(["fine", f"a{text}"])
    assert not has_control_characters(strip_control_characters(f"Lifts {text}broken"))


@pytest.mark.parametrize("text", ORDINARY.values(), ids=ORDINARY.keys())
def test_ordinary_unicode_is_kept_when_it_has_no_control_characters(text):
    assert not has_control_characters(text)
    assert strip_control_characters(text) == text


class _NoteForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Title")
    note = forms.CharField(label="What is the problem today?", required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False)


@pytest.mark.parametrize("text", CONTROL.values(), ids=CONTROL.keys())
def test_every_form_refuses_control_characters_when_a_field_has_them(text):
    form = _NoteForm(data={"title": f"Lifts{text} broken", "note": f"a{text}b"})
    assert not form.is_valid()
    assert form.errors["title"] == ["Remove the invisible control characters from title"]
    assert form.errors["note"] == [
        "Remove the invisible control characters from your answer to ‘What is the problem today?’"
    ]
    # what the user typed is shown again for them to correct
    assert f"Lifts{text} broken" in str(form["title"].value())


def test_password_fields_are_not_refused_when_they_hold_control_characters():
    form = _NoteForm(data={"title": "Lifts", "password": "pa\x1bss"})
    assert form.is_valid(), form.errors


# --- forms, through the pages ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("text", IN_A_FORM_POST.values(), ids=IN_A_FORM_POST.keys())
def test_idea_form_refuses_control_characters_when_the_title_has_them(text):
    client = client_for(Role.STAFF)
    typed = f"Let tenants{text} book repairs"
    response = client.post(
        reverse("ideas:idea_new"),
        {"title": typed, "problem": "Long waits.", "proposal": "A form.", "scale": "tweak"},
    )
    assert response.status_code != 302
    html = response.content.decode()
    assert (
        "Remove the invisible control characters from your answer to "
        "‘Give your idea a short title’" in html
    )
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_idea_form_keeps_what_was_typed_when_it_refuses_control_characters():
    client = client_for(Role.STAFF)
    response = client.post(
        reverse("ideas:idea_new"),
        {"title": "Book repairs", "problem": "Long\x1b waits.", "proposal": "A form online."},
    )
    html = response.content.decode()
    assert "Book repairs" in html
    assert "A form online." in html
    assert "Long\x1b waits." in html


@pytest.mark.django_db
def test_referral_journey_refuses_control_characters_when_the_problem_has_them(client):
    response = client.post(
        reverse("lab:refer_step", args=["problem"]), {"problem": "Lifts\x07 broken"}
    )
    assert response.status_code != 302
    assert "Remove the invisible control characters" in response.content.decode()
    assert not any("\x07" in json.dumps(d.answers) for d in ReferralDraft.objects.all())


@pytest.mark.django_db
def test_initiative_form_refuses_control_characters_when_the_problem_has_them():
    client = client_for(Role.HUB_TEAM)
    response = client.post(
        "/initiatives/new/",
        {
            "title": "Fix damp first time",
            "problem": "Damp\x1b[2J keeps coming back.",
            "scale": "improvement",
            "strand": "improvement_team",
            "method": "model_for_improvement",
        },
    )
    assert response.status_code != 302
    assert "Remove the invisible control characters" in response.content.decode()
    assert not Initiative.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("text", ORDINARY.values(), ids=ORDINARY.keys())
def test_idea_form_takes_ordinary_unicode_when_it_has_no_control_characters(text):
    client = client_for(Role.STAFF)
    response = client.post(
        reverse("ideas:idea_new"),
        {"title": text[:60], "problem": text, "proposal": "A form.", "scale": "tweak"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    idea = Idea.objects.get()
    assert idea.problem == text.strip()


# --- the API -------------------------------------------------------------------------------


def _post(client, url, payload):  # type: ignore[no-untyped-def]
    # json.dumps writes a lone surrogate as "\ud800", which a JSON parser gives back as is
    return client.post(url, json.dumps(payload), content_type="application/json")


def _refused(response, field: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.content[:500]
    errors = response.json()["detail"]
    assert any(
        e["loc"][-1] == field
        and e["msg"] == f"Remove the invisible control characters from {field.replace('_', ' ')}"
        for e in errors
    ), errors


@pytest.mark.django_db
@pytest.mark.parametrize("text", CONTROL.values(), ids=CONTROL.keys())
def test_idea_api_refuses_control_characters_when_the_title_has_them(text):
    response = _post(
        client_for(Role.STAFF),
        "/api/v1/ideas",
        {"title": f"Book{text} repairs", "problem": "Long waits.", "proposal": "A form."},
    )
    _refused(response, "title")
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_idea_api_takes_ordinary_unicode_when_it_has_no_control_characters():
    text = " ".join(ORDINARY.values()).strip()
    response = _post(
        client_for(Role.STAFF),
        "/api/v1/ideas",
        {"title": ORDINARY["accents"], "problem": text, "proposal": ORDINARY["right-to-left text"]},
    )
    assert response.status_code == 201, response.content[:500]
    idea = Idea.objects.get()
    assert idea.title == ORDINARY["accents"]
    assert ORDINARY["emoji with zero-width joiners"] in idea.problem


@pytest.mark.django_db
def test_idea_list_api_refuses_control_characters_when_the_search_has_them(client):
    # query strings are refused before the schema sees them (core.middleware), in JSON
    response = client.get("/api/v1/ideas", {"q": "repairs\x00"})
    assert response.status_code == 400
    assert "control characters" in response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("problem", "Lifts\x00 broken"),
        ("problem", "Lifts\ud800 broken"),
        ("affected_who", "Tenants\x1b"),
        ("contact_name", "Pat\x07"),
        ("agencies", ["nhs\x00"]),
    ],
)
def test_referral_api_refuses_control_characters_when_a_field_has_them(client, field, value):
    payload = {"problem": "Lifts broken", "email": "api@example.org", "consent": True}
    response = _post(client, "/api/v1/referrals", {**payload, field: value})
    _refused(response, field)
    assert not Referral.objects.exists()


@pytest.mark.django_db
def test_initiative_api_refuses_control_characters_when_the_title_has_them():
    response = _post(
        client_for(Role.HUB_TEAM),
        "/api/v1/initiatives",
        {"title": "Fix\x1b damp", "problem": "Damp comes back.", "scale": "improvement"},
    )
    _refused(response, "title")
    assert not Initiative.objects.exists()


@pytest.mark.django_db
def test_measure_api_refuses_control_characters_when_the_unit_has_them():
    initiative = InitiativeFactory()
    response = _post(
        client_for(Role.HUB_TEAM),
        f"/api/v1/initiatives/{initiative.pk}/measures",
        {"name": "Days to fix", "unit": "days\x08", "improvement_direction": "decrease"},
    )
    _refused(response, "unit")
    assert not Measure.objects.exists()
