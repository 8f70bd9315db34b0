"""The triage page (issue 10, item 15): choose the decision first, then only its own
fields. GOV.UK radios with conditional reveal; without JavaScript every decision's fields
show under its radio and only the chosen one's are read and checked. Placeholders in
words, never Django's "---------"."""

import re

import pytest
from django.urls import reverse

from improvement_hub.council.models import Service
from improvement_hub.lab.models import Challenge, Referral, ReferralStatus
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db


def _page(client, referral) -> str:  # type: ignore[no-untyped-def]
    return client.get(reverse("lab:triage_referral", args=[referral.reference])).text


def _decide(client, referral, **data):  # type: ignore[no-untyped-def]
    return client.post(reverse("lab:triage_decide", args=[referral.reference]), data)


def _form(html: str) -> str:
    start = html.index('id="decision"')
    return html[start : html.index("</form>", start)]


def test_the_decision_comes_first_and_each_decisions_fields_sit_under_its_radio(
    hub_team_client, council
):
    referral, _ = make_referral()
    html = _page(hub_team_client, referral)
    form = _form(html)
    assert "---------" not in form
    assert '<option value="" selected>Choose a service</option>' in form
    # the radios come before any of their fields
    assert form.index('name="kind"') < form.index('name="service"')
    assert form.index('name="kind"') < form.index('name="challenge"')
    # GOV.UK conditional reveal: each radio with fields is followed by its block, which a
    # CSS rule (no JavaScript needed) shows only while that radio is chosen
    assert ".hub-decision .govuk-radios__item:has(> .govuk-radios__input:not(:checked))" in (html)
    for value, fields in {
        "accepted": ["challenge", "new_challenge_title"],
        "referred": ["service"],
        "merged": ["merge_into"],
    }.items():
        after = form[form.index(f'value="{value}"') :]
        item_end = after.index("</div>") + len("</div>")
        block = after[item_end:]
        assert block.lstrip().startswith('<div class="govuk-radios__conditional"'), value
        block = block[: block.index('<div class="govuk-radios__item">')]
        for name in fields:
            assert f'name="{name}"' in block, (value, name)
    # no aria-expanded or aria-controls on radios (axe-core refuses aria-expanded there)
    assert "aria-controls" not in form
    assert 'data-module="govuk-radios"' not in form
    # message and note belong to every decision: after the radios, once
    assert form.count('name="message"') == 1
    assert form.index('name="message"') > form.index('value="declined"')


def test_only_the_chosen_decisions_fields_are_checked(hub_team_client, council):
    referral, _ = make_referral()
    response = _decide(
        hub_team_client,
        referral,
        kind="referred",
        merge_into="X" * 60,  # too long, but under another decision
        challenge="no-such-challenge",  # not a choice, but under another decision
    )
    assert response.status_code == 400
    assert "Select the service the referral goes to" in response.text
    assert "no-such-challenge" not in re.sub(r'value="[^"]*"', "", response.text)
    assert "Ensure this value" not in response.text
    assert "Select a challenge from the list" not in response.text
    # the chosen decision's block is open after the error
    form = _form(response.text)
    radio = re.search(r'<input[^>]*value="referred"[^>]*>', form)
    assert radio is not None
    assert "checked" in radio.group(0)


def test_the_other_decisions_answers_are_ignored_when_saving(hub_team_client, council):
    referral, _ = make_referral()
    repairs = Service.objects.get(slug="council-housing-repairs")
    response = _decide(
        hub_team_client,
        referral,
        kind="referred",
        service=repairs.slug,
        new_challenge_title="A challenge nobody asked for",
        merge_into="IL-0000-000000",
    )
    assert response.status_code == 302
    referral = Referral.objects.get(pk=referral.pk)
    assert referral.status == ReferralStatus.REFERRED
    assert referral.referred_to == repairs
    assert referral.challenge is None
    assert referral.merged_into is None
    assert not Challenge.objects.filter(title="A challenge nobody asked for").exists()


def test_a_bad_choice_under_the_chosen_decision_gets_a_sentence_case_message(
    hub_team_client, council
):
    referral, _ = make_referral()
    response = _decide(hub_team_client, referral, kind="referred", service="no-such-service")
    assert response.status_code == 400
    assert "Select a service from the list" in response.text


def test_no_decision_chosen_says_so_and_nothing_else(hub_team_client, council):
    referral, _ = make_referral()
    response = _decide(hub_team_client, referral, merge_into="X" * 60, service="nope")
    assert response.status_code == 400
    summary = response.text[response.text.index("govuk-error-summary__list") :]
    summary = summary[: summary.index("</ul>")]
    assert re.findall(r"<li>.*?</li>", summary, re.S) == [
        '<li><a href="#id_kind_1">Select a decision</a></li>'
    ]
