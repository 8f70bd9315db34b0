from django.apps import AppConfig


class LabConfig(AppConfig):
    name = "improvement_hub.lab"
    label = "lab"
    verbose_name = "Innovation Lab"

    def ready(self) -> None:
        from improvement_hub.lab import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
        from improvement_hub.lab import event_services

        event_services.register_event_links()  # the challenge on the event pages (spaces.links)
        from improvement_hub.core import page_cache
        from improvement_hub.lab.models import Challenge, Referral
        from improvement_hub.lab.selectors import TRIAGE_VERSION

        # What the referral page shows beside a referral (lab.selectors.referral_aside)
        # follows every referral's services and priorities and every challenge; a status
        # or decision moves the similar-referrals index's version, also in its key.
        page_cache.bump_when_saved(
            TRIAGE_VERSION, Referral.services.through, Referral.priorities.through, Challenge
        )
