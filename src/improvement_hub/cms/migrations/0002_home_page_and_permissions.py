"""Replaces Wagtail's welcome page with our HomePage and gives the Hub Team the admin:
pages, branding, images and documents."""

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")

    if HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    Page.objects.filter(depth=2, slug="home").delete()
    root = Page.objects.get(depth=1)
    locale = apps.get_model("wagtailcore", "Locale").objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Improvement Hub",
        draft_title="Improvement Hub",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale.pk,
        live=True,
        intro="",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id, "site_name": "Improvement Hub"},
    )


def grant_hub_team(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    HomePage = apps.get_model("cms", "HomePage")

    grant_model_permissions(apps, group_name="Hub Team", app_label="wagtailadmin", codenames=["access_admin"])
    grant_model_permissions(apps, group_name="Hub Team", app_label="cms", codenames=["change_brandingsettings"])
    grant_model_permissions(apps, group_name="Hub Team", app_label="wagtailcore", codenames=["add_page"])
    grant_model_permissions(apps, group_name="Hub Team", app_label="wagtailimages", codenames=["add_image"])
    grant_model_permissions(apps, group_name="Hub Team", app_label="wagtaildocs", codenames=["add_document"])
    hub_team = Group.objects.get(name="Hub Team")

    home = HomePage.objects.first()
    if home is not None:
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
            GroupPagePermission.objects.get_or_create(
                group=hub_team,
                page_id=home.pk,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codenames in (
            ("wagtailimages", ("add_image", "change_image", "choose_image")),
            ("wagtaildocs", ("add_document", "change_document", "choose_document")),
        ):
            grant_model_permissions(apps, group_name="Hub Team", app_label=app_label, codenames=codenames)
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=hub_team,
                    collection=root_collection,
                    permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
                )


def remove_wagtail_default_groups(apps, schema_editor):
    """Wagtail's Editors and Moderators are replaced by our roles; keep them if in use."""
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("accounts", "0002_role_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
        migrations.RunPython(grant_hub_team, migrations.RunPython.noop),
        migrations.RunPython(remove_wagtail_default_groups, migrations.RunPython.noop),
    ]
