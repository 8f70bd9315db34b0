import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from improvement_hub.council.models import CHANGE_SCALE_HELP, ChangeScale, Organisation, Priority
from improvement_hub.council.selectors import directorate_list_with_services
from tests.council.factories import (
    DirectorateFactory,
    OrganisationFactory,
    PriorityFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def test_the_four_priorities_are_seeded_in_order():
    assert list(Priority.objects.values_list("name", flat=True)) == [
        "Children",
        "Jobs and skills",
        "Housing",
        "Health",
    ]


def test_change_scale_runs_from_tweak_to_transformation_with_plain_help():
    assert [c.value for c in ChangeScale] == ["tweak", "improvement", "redesign", "transformation"]
    for scale in ChangeScale:
        assert len(scale.help_text) > 40
        assert scale.help_text == CHANGE_SCALE_HELP[scale]


def test_priority_names_are_unique_ignoring_case():
    PriorityFactory(name="Transport")
    with pytest.raises(IntegrityError), transaction.atomic():
        PriorityFactory(name="TRANSPORT")


def test_slugs_are_validated():
    with pytest.raises(ValidationError):
        PriorityFactory.build(name="Bad", slug="Not A Slug").full_clean()


def test_organisation_kind_is_checked_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="X", slug="x", kind="pirate_ship")


def test_a_directorate_with_services_cannot_be_deleted():
    from django.db.models import ProtectedError

    service = ServiceFactory()
    with pytest.raises(ProtectedError):
        service.directorate.delete()


def test_service_contact_route():
    assert not ServiceFactory().has_contact_route
    assert ServiceFactory(contact_phone="0121 000 0000").has_contact_route


def test_directorate_listing_uses_a_fixed_number_of_queries(django_assert_num_queries):
    for _ in range(3):
        directorate = DirectorateFactory()
        for _ in range(3):
            ServiceFactory(directorate=directorate).priorities.add(PriorityFactory())
    with django_assert_num_queries(3):
        rows = [
            (d.name, [(s.name, [p.name for p in s.priorities.all()]) for s in d.services.all()])
            for d in directorate_list_with_services()
        ]
    assert len(rows) == 3
    OrganisationFactory()
