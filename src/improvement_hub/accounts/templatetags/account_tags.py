"""What the sign-up and sign-in pages may promise, read from the settings of this hub."""

from django import template
from django.conf import settings

from improvement_hub.accounts.signup_offers import signup_offer_list

register = template.Library()


@register.simple_tag
def staff_email_domains() -> list[str]:
    """The email domains whose confirmed addresses make a new account Staff."""
    return [domain.lstrip("@").lower() for domain in settings.STAFF_EMAIL_DOMAINS]


@register.simple_tag
def signup_offers() -> list[str]:
    """What other apps say an account lets a person do, when it is true now."""
    return signup_offer_list()
