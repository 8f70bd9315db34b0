import pytest
from django.core.management import call_command
from django.test import Client

from improvement_hub.accounts.models import User
from improvement_hub.cms.models import StandardPage
from improvement_hub.council.models import Directorate, Organisation, Service

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Directorate.objects.count(),
        Service.objects.count(),
        Organisation.objects.count(),
        StandardPage.objects.count(),
    )


def test_demo_tells_the_seed_story_and_prints_sign_ins(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    for role in ("Resident", "Staff", "Hub Team", "Partner", "Leadership"):
        assert role in out
    assert "password:" in out
    assert Organisation.objects.get(slug="impact-hub-cic").kind == "delivery_partner"
    for priority in ("children", "jobs-and-skills", "housing", "health"):
        assert Service.objects.filter(priorities__slug=priority).exists(), priority


@pytest.mark.any_database  # CI also loads the demo twice on PostgreSQL before its suites
def test_demo_is_idempotent():
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _counts()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == first


def test_demo_users_can_sign_in_with_the_printed_password():
    from improvement_hub.accounts.demo import DEMO_PASSWORD, DEMO_USERS

    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for email, _first, _last, role in DEMO_USERS:
        client = Client()
        response = client.post("/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert User.objects.get(email=email).has_role(str(role))
