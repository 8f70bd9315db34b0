"""The Hub Team edits challenges, the lab plan, indicators, method cards, other labs and
the decision message templates in the admin."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from improvement_hub.lab.models import (
    Challenge,
    IndicatorReading,
    LabPlan,
    MessageTemplate,
    Method,
    PeerLab,
    SustainabilityIndicator,
)


class ChallengeViewSet(SnippetViewSet):
    model = Challenge
    icon = "crosshairs"
    list_display = ["title", "stage", "is_published"]
    list_filter = ["stage", "is_published"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("statement"),
        FieldPanel("events"),
        FieldPanel("priorities"),
        FieldPanel("services"),
        FieldPanel("how_to_get_involved"),
        FieldPanel("is_published"),
    ]


class LabPlanViewSet(SnippetViewSet):
    model = LabPlan
    icon = "doc-full"
    menu_label = "Lab plan"
    panels = [FieldPanel("vision"), FieldPanel("principles"), FieldPanel("resourcing")]


class IndicatorViewSet(SnippetViewSet):
    model = SustainabilityIndicator
    icon = "order"
    menu_label = "Sustainability indicators"
    list_display = ["name", "target", "unit"]
    panels = [
        FieldPanel("name"),
        FieldPanel("practice"),
        FieldPanel("unit"),
        FieldPanel("target"),
        FieldPanel("direction"),
        FieldPanel("position"),
    ]


class ReadingViewSet(SnippetViewSet):
    model = IndicatorReading
    icon = "date"
    menu_label = "Indicator readings"
    list_display = ["indicator", "date", "value"]
    list_filter = ["indicator"]
    panels = [FieldPanel("indicator"), FieldPanel("date"), FieldPanel("value"), FieldPanel("note")]


class MethodViewSet(SnippetViewSet):
    model = Method
    icon = "list-ul"
    menu_label = "Method cards"
    list_display = ["name", "stage"]
    list_filter = ["stage"]


class PeerLabViewSet(SnippetViewSet):
    model = PeerLab
    icon = "site"
    menu_label = "Other labs"
    list_display = ["name", "country"]


class MessageTemplateViewSet(SnippetViewSet):
    model = MessageTemplate
    icon = "mail"
    menu_label = "Decision messages"
    list_display = ["kind", "subject"]


class LabViewSetGroup(SnippetViewSetGroup):
    menu_label = "Innovation Lab"
    menu_icon = "crosshairs"
    menu_order = 220
    items = (
        ChallengeViewSet,
        LabPlanViewSet,
        IndicatorViewSet,
        ReadingViewSet,
        MethodViewSet,
        PeerLabViewSet,
        MessageTemplateViewSet,
    )


register_snippet(LabViewSetGroup)
