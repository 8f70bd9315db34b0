"""Starting an initiative from an idea (issue 10, items 7 and 8): every answer of the idea
that has a place is carried over; the idea's answer, notification and email hold no bare
address but link each reader to a page they can open; the idea's followers follow the
initiative, which anyone who may read it can follow."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas.models import Follow
from improvement_hub.initiatives.models import Initiative, InitiativeFollow
from improvement_hub.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.council.factories import DirectorateFactory, PriorityFactory, ServiceFactory
from tests.ideas.factories import IdeaFactory
from tests.initiatives.conftest import signed_in
from tests.initiatives.factories import InitiativeFactory, PublishedInitiativeFactory

pytestmark = pytest.mark.django_db

BARE_PATH = re.compile(r"/initiatives/\d+/")


def _form(**extra):  # type: ignore[no-untyped-def]
    return {
        "title": "Photo of the repair before the visit",
        "problem": "Operatives arrive without the right part.",
        "scale": "tweak",
        "strand": "improvement_team",
        "method": "model_for_improvement",
        **extra,
    }


def _checked(html: str, name: str, value: str) -> bool:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*value="{re.escape(value)}"[^>]*>', html)
    return bool(tag) and "checked" in tag.group(0)


def test_start_from_idea_carries_priority_service_directorate_scale_and_text(hub):
    housing = PriorityFactory(slug="housing-x")
    directorate = DirectorateFactory()
    repairs = ServiceFactory(name="Housing repairs", slug="repairs-x", directorate=directorate)
    idea = IdeaFactory(
        title="Photo of the repair before the visit",
        problem="Operatives arrive without the right part.",
        proposal="Ask tenants for a photo when they report a repair.",
        beneficiaries="Tenants waiting for repairs",
        scale="tweak",
        service=repairs,
    )
    idea.priorities.add(housing)
    page = signed_in(hub).get(f"/initiatives/new/?idea={idea.pk}").text
    assert 'value="Photo of the repair before the visit"' in page
    assert "Operatives arrive without the right part." in page
    assert "Who would benefit: Tenants waiting for repairs" in page
    assert "Ask tenants for a photo when they report a repair." in page  # draft summary
    assert _checked(page, "priorities", "housing-x")
    assert _checked(page, "services", "repairs-x")
    assert _checked(page, "directorates", directorate.slug)
    assert _checked(page, "scale", "tweak")
    assert re.search(rf'name="ideas"[^>]*value="{idea.pk}"', page)


def test_the_idea_manage_page_offers_to_start_an_initiative_from_it(hub):
    idea = IdeaFactory()
    page = signed_in(hub).get(reverse("ideas:idea_manage", args=[idea.pk])).text
    assert f'href="/initiatives/new/?idea={idea.pk}"' in page


def _start(hub, idea, capture, **extra):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        response = signed_in(hub).post("/initiatives/new/", _form(ideas=str(idea.pk), **extra))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Initiative.objects.get()


def test_an_unpublished_initiative_is_never_a_bare_address_and_each_reader_can_open_the_link(
    hub, django_capture_on_commit_callbacks
):
    resident = UserFactory(role=Role.RESIDENT)
    colleague = UserFactory(role=Role.STAFF)
    idea = IdeaFactory()
    Follow.objects.create(idea=idea, user=resident)
    Follow.objects.create(idea=idea, user=colleague)
    initiative = _start(hub, idea, django_capture_on_commit_callbacks)

    answer = idea.responses.get().answer
    assert not BARE_PATH.search(answer)
    assert initiative.title in answer
    for note in Notification.objects.all():
        assert not BARE_PATH.search(note.body)
    # staff (the author, a colleague) are sent to the initiative; the resident, who cannot
    # open an unpublished initiative, to the idea
    urls = dict(Notification.objects.values_list("recipient_id", "url"))
    assert urls == {
        idea.author_id: initiative.get_absolute_url(),
        colleague.pk: initiative.get_absolute_url(),
        resident.pk: idea.get_absolute_url(),
    }
    for person in (idea.author, colleague, resident):
        link = urls[person.pk]
        assert signed_in(person).get(link).status_code == 200
    emails = {m.to[0]: m.body for m in mail.outbox}
    assert f"http://127.0.0.1:8000{idea.get_absolute_url()}" in emails[resident.email]
    assert not BARE_PATH.search(emails[resident.email])
    assert initiative.get_absolute_url() in emails[colleague.email]

    # on the idea's page: a real link for staff, words for the public
    staff_page = signed_in(colleague).get(idea.get_absolute_url()).text
    assert f'href="{initiative.get_absolute_url()}"' in staff_page
    public_page = Client().get(idea.get_absolute_url()).text
    assert f'href="{initiative.get_absolute_url()}"' not in public_page
    assert not BARE_PATH.search(public_page.replace('href="/initiatives/', ""))


def test_a_published_initiative_is_linked_for_everyone_and_the_public_can_open_it(
    hub, django_capture_on_commit_callbacks
):
    resident = UserFactory(role=Role.RESIDENT)
    idea = IdeaFactory()
    Follow.objects.create(idea=idea, user=resident)
    initiative = _start(
        hub,
        idea,
        django_capture_on_commit_callbacks,
        is_published="on",
        public_summary="Photos of repairs so the right part comes first time.",
    )
    assert not BARE_PATH.search(idea.responses.get().answer)
    note = Notification.objects.get(recipient=resident)
    assert note.url == initiative.get_absolute_url()
    public_page = Client().get(idea.get_absolute_url()).text
    assert f'<a class="govuk-link" href="{initiative.get_absolute_url()}">' in public_page
    assert Client().get(initiative.get_absolute_url()).status_code == 200


def test_people_who_followed_the_idea_follow_the_initiative(
    hub, django_capture_on_commit_callbacks
):
    follower = UserFactory(role=Role.STAFF)
    idea = IdeaFactory()
    Follow.objects.create(idea=idea, user=follower)
    initiative = _start(hub, idea, django_capture_on_commit_callbacks)
    followers = set(
        InitiativeFollow.objects.filter(initiative=initiative).values_list("user_id", flat=True)
    )
    assert followers == {idea.author_id, follower.pk}


def test_linking_an_idea_later_also_moves_its_followers_once(
    hub, django_capture_on_commit_callbacks
):
    from improvement_hub.initiatives import services

    initiative = InitiativeFactory()
    idea = IdeaFactory()
    InitiativeFollow.objects.create(initiative=initiative, user=idea.author)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_add_sources(actor=hub, initiative=initiative, ideas=[idea])
    assert InitiativeFollow.objects.filter(initiative=initiative).count() == 1


@pytest.mark.parametrize(
    ("role", "published", "allowed"),
    [
        (None, True, False),  # the public: sign in first
        (Role.RESIDENT, True, True),
        (Role.RESIDENT, False, False),  # cannot read it, so cannot follow it (404)
        (Role.STAFF, False, True),
        (Role.PARTNER, False, False),
        (Role.HUB_TEAM, False, True),
        (Role.LEADERSHIP, False, True),
    ],
)
def test_who_may_follow_an_initiative(role, published, allowed):  # type: ignore[no-untyped-def]
    initiative = PublishedInitiativeFactory() if published else InitiativeFactory()
    url = reverse("initiatives:initiative_follow", args=[initiative.pk])
    client = signed_in(UserFactory(role=role)) if role else Client()
    response = client.post(url)
    assert InitiativeFollow.objects.filter(initiative=initiative).exists() is allowed
    if allowed:
        assert response.status_code == 302
        page = client.get(initiative.get_absolute_url()).text
        assert "You are following this initiative" in page
        client.post(url, {"action": "unfollow"})
        assert not InitiativeFollow.objects.exists()
    else:
        assert response.status_code in (302, 404)


def test_following_twice_is_harmless_and_get_is_refused(staff):
    initiative = InitiativeFactory()
    client = signed_in(staff)
    url = reverse("initiatives:initiative_follow", args=[initiative.pk])
    client.post(url)
    client.post(url)
    assert InitiativeFollow.objects.count() == 1
    assert client.get(url).status_code == 405


def test_follows_are_in_the_download_and_forgotten_when_the_account_closes(staff):
    from improvement_hub.initiatives.personal_data import initiatives_close, initiatives_export

    initiative = InitiativeFactory(title="Quicker adaptations")
    InitiativeFollow.objects.create(initiative=initiative, user=staff)
    exported = initiatives_export(staff)["initiatives_followed"]
    assert [f["initiative_title"] for f in exported] == ["Quicker adaptations"]
    initiatives_close(staff)
    assert not InitiativeFollow.objects.filter(user=staff).exists()


def test_followers_are_told_when_the_initiative_moves_to_another_stage(
    hub, django_capture_on_commit_callbacks
):
    """Issue 10, work reaches people: a status change of anything you follow."""
    from improvement_hub.initiatives import services

    follower = UserFactory(role=Role.STAFF)
    data = services.InitiativeData(title="Joined-up help", problem="Passed on.", scale="redesign")
    initiative = services.initiative_create(actor=hub, data=data)
    InitiativeFollow.objects.create(initiative=initiative, user=follower)
    same_stage = services.InitiativeData(
        title="Joined-up help, renamed",
        problem="Passed on.",
        scale="redesign",
        stage=initiative.stage,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_update(actor=hub, initiative=initiative, data=same_stage)
    assert not Notification.objects.filter(recipient=follower).exists()  # no news, no noise
    moved = services.InitiativeData(
        title="Joined-up help", problem="Passed on.", scale="redesign", stage="test"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_update(actor=hub, initiative=initiative, data=moved)
    told = Notification.objects.get(recipient=follower)
    assert "Joined-up help moved to ‘Testing changes (PDSA)’" == told.subject
    assert told.url == initiative.get_absolute_url()
    assert not Notification.objects.filter(recipient=hub).exists()  # not told of their own act
