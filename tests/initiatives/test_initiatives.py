"""Starting and running an initiative: sources answered, parts added by the team, pilots
decided by Leadership, bad input refused with GOV.UK messages."""

import threading
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from improvement_hub.ideas.models import IdeaStatus
from improvement_hub.initiatives import services
from improvement_hub.initiatives.models import Initiative, Milestone, Pilot, StatusUpdate
from improvement_hub.notifications.models import Notification
from tests.ideas.factories import IdeaFactory
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import InitiativeFactory, PilotFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


def _form(**extra):  # type: ignore[no-untyped-def]
    return {
        "title": "Fix damp first time",
        "problem": "Damp keeps coming back after repairs.",
        "scale": "improvement",
        "strand": "improvement_team",
        "method": "model_for_improvement",
        **extra,
    }


def test_the_hub_team_starts_an_initiative_from_an_idea_which_gets_its_public_answer(
    hub, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(title="Photo of the repair before the visit")
    client = signed_in(hub)
    prefilled = client.get(f"/initiatives/new/?idea={idea.pk}")
    assert "Photo of the repair before the visit" in prefilled.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/initiatives/new/", _form(ideas=str(idea.pk)))
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url()
    assert list(initiative.source_ideas.all()) == [idea]
    idea.refresh_from_db()
    assert idea.status.slug == IdeaStatus.TAKEN_FORWARD
    answer = idea.responses.get()
    assert initiative.title in answer.answer
    assert Notification.objects.filter(recipient=idea.author).exists()
    assert initiative.stage == "aim"  # the method's first stage
    page = client.get(initiative.get_absolute_url())
    assert "Photo of the repair before the visit" in page.text


def test_unknown_idea_numbers_and_missing_answers_get_govuk_errors_and_nothing_is_made(hub):
    response = signed_in(hub).post(
        "/initiatives/new/", {"title": "", "problem": "", "ideas": "12, 99999, abc"}
    )
    assert response.status_code == 400  # a form with errors (core.forms.render_form)
    assert "There is a problem" in response.text
    assert "Enter title" in response.text or "Enter the title" in response.text
    assert "Enter idea numbers separated by commas" in response.text
    assert Initiative.objects.count() == 0


def test_publishing_needs_a_public_summary(hub):
    response = signed_in(hub).post("/initiatives/new/", _form(is_published="on"))
    assert "Enter a public summary before publishing the initiative" in response.text
    assert Initiative.objects.count() == 0


def test_a_stage_must_belong_to_the_method(hub):
    response = signed_in(hub).post(
        "/initiatives/new/", _form(method="model_for_improvement", stage="discover")
    )
    assert "Select a stage of the initiative&#x27;s method" in response.text
    assert Initiative.objects.count() == 0


def test_the_end_date_cannot_be_before_the_start(hub):
    response = signed_in(hub).post(
        "/initiatives/new/", _form(starts_on="2017-05-01", ends_on="2017-04-01")
    )
    assert "The end date must be the same as or after the start date" in response.text


def test_hostile_text_is_stored_and_shown_escaped(hub):
    signed_in(hub).post(
        "/initiatives/new/", _form(title="<script>alert(1)</script> 'OR 1=1-- ‮evil")
    )
    initiative = Initiative.objects.get()
    assert initiative.title.startswith("<script>")
    page = signed_in(hub).get(initiative.get_absolute_url())
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_a_double_clicked_start_makes_one_initiative_per_click_not_an_error(hub):
    """Two identical posts are two requests; neither is a 500 and the second is visible."""
    client = signed_in(hub)
    first = client.post("/initiatives/new/", _form())
    second = client.post("/initiatives/new/", _form())
    assert first.status_code == second.status_code == 302


def test_only_the_hub_team_may_start_an_initiative_in_the_service(staff):
    data = services.InitiativeData(title="x", problem="y", scale="tweak")
    with pytest.raises(PermissionDenied):
        services.initiative_create(actor=staff, data=data)


def test_the_team_adds_and_changes_parts_of_their_initiative(staff):
    initiative = InitiativeFactory()
    TeamMemberFactory(initiative=initiative, user=staff, role="lead")
    client = signed_in(staff)
    response = client.post(
        f"/initiatives/{initiative.pk}/milestones/add/",
        {"title": "Baseline agreed", "due_on": "2017-03-01"},
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get(initiative=initiative)
    response = client.post(
        f"/initiatives/{initiative.pk}/milestones/{milestone.pk}/edit/",
        {"title": "Baseline agreed", "due_on": "2017-03-01", "done_on": "2017-02-27"},
    )
    milestone.refresh_from_db()
    assert milestone.done_on == date(2017, 2, 27)
    client.post(
        f"/initiatives/{initiative.pk}/updates/add/",
        {"on": "2017-03-31", "rag": "amber", "summary": "Slower than planned."},
    )
    update = StatusUpdate.objects.get()
    assert (update.author, update.rag) == (staff, "amber")
    page = client.get(initiative.get_absolute_url())
    assert "Slower than planned." in page.text
    assert "Amber" in page.text
    client.post(f"/initiatives/{initiative.pk}/milestones/{milestone.pk}/delete/")
    assert not Milestone.objects.exists()


def test_bad_part_answers_get_field_errors(hub):
    initiative = InitiativeFactory()
    client = signed_in(hub)
    response = client.post(
        f"/initiatives/{initiative.pk}/risks/add/",
        {"description": "", "likelihood": "9", "impact": "x"},
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Enter description" in response.text
    response = client.post(
        f"/initiatives/{initiative.pk}/pilots/add/",
        {
            "title": "Pilot",
            "starts_on": "2017-31-02",
            "ends_on": "2017-01-01",
            "success_criteria": "x",
        },
    )
    assert "Start date must be a real date" in response.text
    response = client.post(
        f"/initiatives/{initiative.pk}/pilots/add/",
        {"title": "P", "starts_on": "2017-05-01", "ends_on": "2017-04-01", "success_criteria": "x"},
    )
    assert "The end date must be the same as or after the start date" in response.text
    assert not Pilot.objects.exists()


def test_the_same_person_cannot_join_the_team_twice(hub, staff):
    initiative = InitiativeFactory()
    TeamMemberFactory(initiative=initiative, user=staff)
    response = signed_in(hub).post(
        f"/initiatives/{initiative.pk}/team/add/", {"role": "lead", "user": staff.pk}
    )
    assert response.status_code == 400
    assert "This person is already on the team" in response.text


def test_an_unknown_kind_of_part_is_not_found(hub):
    initiative = InitiativeFactory()
    assert signed_in(hub).get(f"/initiatives/{initiative.pk}/nonsense/add/").status_code == 404


def test_editing_a_pilot_cannot_change_leaderships_decision(hub, leader):
    pilot = PilotFactory()
    services.pilot_decide(
        actor=leader, pilot=pilot, decision="no_go", reason="It did not meet its criteria at all."
    )
    signed_in(hub).post(
        f"/initiatives/{pilot.initiative_id}/pilots/{pilot.pk}/edit/",
        {
            "title": "Renamed",
            "starts_on": "2017-02-01",
            "ends_on": "2017-05-31",
            "success_criteria": "x",
            "decision": "go",
        },
    )
    pilot.refresh_from_db()
    assert (pilot.title, pilot.decision) == ("Renamed", "no_go")
    with pytest.raises(ValidationError):
        services.part_delete(actor=hub, initiative=pilot.initiative, part=pilot)


def test_a_pilot_decision_needs_a_reason_and_a_started_pilot(leader):
    future = PilotFactory(
        starts_on=timezone.localdate() + timedelta(days=30),
        ends_on=timezone.localdate() + timedelta(days=90),
    )
    with pytest.raises(ValidationError) as error:
        services.pilot_decide(actor=leader, pilot=future, decision="go", reason="short")
    assert "You can decide once the pilot has started" in str(error.value)
    assert "at least 20 characters" in str(error.value)


def test_the_team_is_told_of_a_pilot_decision(leader, staff, django_capture_on_commit_callbacks):
    pilot = PilotFactory()
    TeamMemberFactory(initiative=pilot.initiative, user=staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.pilot_decide(
            actor=leader, pilot=pilot, decision="go", reason="Met the criteria in every site."
        )
    note = Notification.objects.get(recipient=staff)
    assert "go" in note.subject
    assert note.url.endswith(f"#pilot-{pilot.pk}")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks under threads: PostgreSQL (CI runs it)"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_leaders_deciding_at_once_record_one_decision():
    from improvement_hub.accounts.roles import Role
    from tests.accounts.factories import UserFactory

    leaders = [UserFactory(role=Role.LEADERSHIP) for _ in range(4)]
    pilot = PilotFactory()
    errors: list[Exception] = []
    barrier = threading.Barrier(len(leaders))

    def decide(user):  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            services.pilot_decide(
                actor=user, pilot=pilot, decision="go", reason="Everything went to plan here."
            )
        except ValidationError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(u,)) for u in leaders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(errors) == len(leaders) - 1
    assert "already recorded a decision" in str(errors[0])
    pilot.refresh_from_db()
    assert pilot.decided_by in leaders


def test_a_measure_is_changed_from_its_change_link_not_its_chart(hub):
    from tests.initiatives.factories import MeasureFactory

    measure = MeasureFactory(name="Old name")
    client = signed_in(hub)
    page = client.get(measure.initiative.get_absolute_url())
    change = f"/initiatives/{measure.initiative_id}/measures/{measure.pk}/edit/"
    assert change in page.text
    response = client.post(
        change,
        {
            "name": "New name",
            "kind": "process",
            "unit": "days",
            "improvement_direction": "decrease",
            "screen_outliers": "on",
        },
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert (measure.name, measure.kind) == ("New name", "process")


def test_the_idea_and_the_challenge_show_the_initiative_they_led_to(hub, client):
    from improvement_hub.lab.models import Challenge

    idea = IdeaFactory()
    challenge = Challenge.objects.create(
        title="Passed from pillar to post", slug="pillar-to-post", statement="People are passed on."
    )
    data = services.InitiativeData(
        title="Joined-up help",
        problem="People are passed between services.",
        scale="redesign",
        is_published=True,
        public_summary="One conversation for families.",
    )
    initiative = services.initiative_create(
        actor=hub, data=data, source_ideas=[idea], source_challenges=[challenge]
    )
    for page in (
        client.get(idea.get_absolute_url(), follow=True),
        client.get(challenge.get_absolute_url()),
    ):
        assert f'href="{initiative.get_absolute_url()}">Joined-up help</a>' in page.text
    initiative.is_published = False
    initiative.save()
    hidden = client.get(challenge.get_absolute_url())
    assert "Joined-up help" not in hidden.text
    assert "An initiative has started" in hidden.text


@pytest.mark.parametrize("value", ["\u00b2", "\u0661", "-1", "99999999999999999999", "1e3", ""])
def test_new_initiative_page_ignores_the_idea_when_its_number_is_not_an_id(hub, value):
    response = signed_in(hub).get("/initiatives/new/", {"idea": value})
    assert response.status_code == 200
