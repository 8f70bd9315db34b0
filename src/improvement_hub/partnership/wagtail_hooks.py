"""The rules as data in the admin: delegations with their value ranges and routes, the
bands the decision form is not for, and the standing-orders thresholds, each with the date
it takes effect (thresholds change: add a new row rather than editing an old one)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from improvement_hub.partnership.models import Delegation, OtherRoute, ProcurementRules
from improvement_hub.partnership.rules import Route


class DelegationViewSet(SnippetViewSet):
    model = Delegation
    icon = "doc-full"
    menu_label = "Delegations"
    list_display = ["name", "slug", "min_gbp", "max_gbp", "effective_from", "is_active"]
    list_filter = ["is_active"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("min_gbp"),
        FieldPanel("max_gbp"),
        FieldPanel(
            "routes",
            help_text='A list of route slugs, like ["single-contractor-negotiation"]. Routes: '
            + ", ".join(route.value for route in Route),
        ),
        FieldPanel("effective_from"),
        FieldPanel("is_active"),
    ]


class OtherRouteViewSet(SnippetViewSet):
    model = OtherRoute
    icon = "warning"
    menu_label = "Routes the form is not for"
    list_display = ["name", "min_gbp", "max_gbp", "only_route", "effective_from"]


class ThresholdsViewSet(SnippetViewSet):
    model = ProcurementRules
    icon = "order"
    menu_label = "Standing-orders thresholds"
    list_display = ["effective_from", "quotations_below_gbp", "eu_threshold_gbp"]


class PartnershipViewSetGroup(SnippetViewSetGroup):
    menu_label = "Decisions and contracts"
    menu_icon = "doc-full"
    menu_order = 260
    items = (DelegationViewSet, OtherRouteViewSet, ThresholdsViewSet)


register_snippet(PartnershipViewSetGroup)
