import pytest
from django.contrib.auth import authenticate, get_user_model
from django.db import IntegrityError, transaction

from improvement_hub.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_custom_user_model_is_in_use():
    assert get_user_model() is User
    assert User.USERNAME_FIELD == "email"
    assert not hasattr(User(), "username") or User().username is None


def test_user_signs_in_with_email_in_any_case():
    UserFactory(email="Pat.Jones@Example.org")
    assert authenticate(email="pat.jones@example.org", password=PASSWORD) is not None
    assert authenticate(email="PAT.JONES@EXAMPLE.ORG", password=PASSWORD) is not None
    assert authenticate(email="pat.jones@example.org", password="wrong") is None


def test_email_is_unique_regardless_of_case_at_database_level():
    UserFactory(email="sam@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        # bypass the manager's normalisation, as a raw import might
        User.objects.bulk_create([User(email="SAM@example.org")])


def test_create_user_requires_email():
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user(email="", password="x")


def test_create_superuser_sets_flags():
    admin = User.objects.create_superuser(email="admin@example.org", password="pw-123456789")
    assert admin.is_superuser
    assert admin.is_staff


def test_str_prefers_full_name_then_email():
    assert str(UserFactory(first_name="Ada", last_name="Lovelace")) == "Ada Lovelace"
    assert str(UserFactory(first_name="", last_name="", email="x@example.org")) == "x@example.org"
