"""One input boundary: the session page and the API bind the same form and call the same
service, so the same bad answers get the same words from both."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "answers",
    [
        {"capacity": "0"},
        {"capacity": "-1"},
        {"ends_at": "before"},
        {"starts_at": "2016-11-29 09:00", "ends_at": "2016-11-29 12:00"},
        {"location": "\x07 bell"},
        {"partner_trainers": "x" * 20_000},
    ],
)
def test_page_and_api_refuse_the_same_session_answers_with_the_same_words(course, answers):
    day = timezone.localtime() + timedelta(days=9)
    data = {
        "starts_at": day.strftime("%Y-%m-%d 10:00"),
        "ends_at": day.strftime("%Y-%m-%d 12:00"),
        "capacity": "8",
        **answers,
    }
    if data["ends_at"] == "before":
        data["ends_at"] = day.strftime("%Y-%m-%d 09:00")
    client = client_for(Role.HUB_TEAM)
    page = client.post(reverse("academy:session_new", args=[course.slug]), data)
    api = client.post(
        f"/api/v1/courses/{course.pk}/sessions", json.dumps(data), content_type="application/json"
    )
    assert page.status_code == 400
    assert api.status_code == 422
    html = page.content.decode()
    body = api.json()
    if "errors" not in body:  # ninja's own 422 for a control character: it names the field
        (problem,) = body["detail"]
        assert problem["loc"][-1] == "location"
        assert "Error: " in html
        return
    for messages in body["errors"].values():
        for message in messages:
            assert message.replace("’", "&#x27;").replace("‘", "&#x27;") in html or message in html
    assert course.sessions.count() == 0
