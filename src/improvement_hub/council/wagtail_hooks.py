"""The Hub Team edits the council's reference data in the Wagtail admin."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from improvement_hub.council.models import Directorate, Organisation, Priority, Service


class PriorityViewSet(SnippetViewSet):
    model = Priority
    icon = "pick"
    menu_label = "Priorities"
    list_display = ["name", "position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("position"),
        FieldPanel("is_active"),
    ]


class DirectorateViewSet(SnippetViewSet):
    model = Directorate
    icon = "group"
    list_display = ["name"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "cogs"
    list_display = ["name", "directorate", "is_active"]
    list_filter = ["directorate", "is_active"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("directorate"),
        FieldPanel("description"),
        FieldPanel("priorities"),
        MultiFieldPanel(
            [FieldPanel("contact_url"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading="How residents contact this service",
        ),
        FieldPanel("is_active"),
    ]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]


class CouncilViewSetGroup(SnippetViewSetGroup):
    menu_label = "Council"
    menu_icon = "home"
    menu_order = 200
    items = (PriorityViewSet, DirectorateViewSet, ServiceViewSet, OrganisationViewSet)


register_snippet(CouncilViewSetGroup)
