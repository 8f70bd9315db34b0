import factory

from improvement_hub.notifications.models import (
    EmailFrequency,
    Notification,
    NotificationPreference,
)
from tests.accounts.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    subject = factory.Sequence(lambda n: f"Your idea {n} has a new status")
    body = "It is now under review by the Improvement Hub Team."
    url = factory.Sequence(lambda n: f"/ideas/{n}/")


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    email_frequency = EmailFrequency.IMMEDIATE
