"""The Hub Team runs campaigns and edits the list of idea statuses in the admin."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from improvement_hub.ideas.models import Campaign, IdeaStatus


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "help"
    menu_label = "Campaigns"
    list_display = ["title", "opens_at", "closes_at"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("priorities"),
    ]


class IdeaStatusViewSet(SnippetViewSet):
    model = IdeaStatus
    icon = "tag"
    menu_label = "Idea statuses"
    list_display = ["name", "position", "is_open", "requires_reason"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("colour"),
        FieldPanel("position"),
        FieldPanel("is_open"),
        FieldPanel("requires_reason"),
        FieldPanel("is_selectable"),
    ]


class IdeasViewSetGroup(SnippetViewSetGroup):
    menu_label = "Ideas Forum"
    menu_icon = "pick"
    menu_order = 210
    items = (CampaignViewSet, IdeaStatusViewSet)


register_snippet(IdeasViewSetGroup)
