"""Seeds the plain-English decision messages (editable) and lets the Hub Team edit the
Lab's content in the admin."""

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions

TEMPLATES = [
    ("acknowledged", "We are looking at your referral {reference}",
     "Thank you for telling us about this problem. A member of the Improvement Hub Team is "
     "now looking at it with the services involved. We will tell you what we are going to do."),
    ("more_info", "We need a little more information about referral {reference}",
     "Thank you for your referral. To understand the problem better, please tell us:\n\n"
     "- \n\nYou can reply on your tracking page."),
    ("accepted", "Your referral {reference} is now part of a Lab challenge",
     "Thank you. We are taking this problem into the Innovation Lab as part of the challenge "
     "‘{challenge}’. We will work on it with residents and the services involved, and we may "
     "invite you to take part. You will find updates on the challenge page."),
    ("referred", "Your referral {reference} has gone to {service}",
     "Thank you. We think {service} is best placed to help with this problem, so we have passed "
     "it on. You can also contact them directly: {service_contact}."),
    ("merged", "Your referral {reference} has joined a similar one",
     "Thank you. Other people have told us about the same problem, so we have put your "
     "referral together with theirs. We will keep you updated."),
    ("declined", "About your referral {reference}",
     "Thank you for telling us about this problem. We are not able to take it on in the "
     "Innovation Lab because {reason}. We are sorry we cannot help further."),
]
MODELS = ["challenge", "labplan", "sustainabilityindicator", "indicatorreading", "method", "peerlab",
          "messagetemplate"]


def seed(apps, schema_editor):
    MessageTemplate = apps.get_model("lab", "MessageTemplate")
    for kind, subject, body in TEMPLATES:
        MessageTemplate.objects.get_or_create(kind=kind, defaults={"subject": subject, "body": body})
    grant_model_permissions(
        apps, group_name="Hub Team", app_label="lab",
        codenames=[f"{verb}_{model}" for verb in ("add", "change", "delete", "view") for model in MODELS],
    )


class Migration(migrations.Migration):
    dependencies = [("lab", "0001_initial"), ("accounts", "0002_role_groups")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
