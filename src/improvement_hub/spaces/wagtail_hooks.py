"""The Hub Team edit spaces (with photos and their alt text) and the move plan with its
steps in the admin. Events are not edited here: an event books its space through the
booking service (no double booking), so the Hub Team add them on the "Add an event" page
(spaces:event_new), which calls ``services.event_create``. Bookings are never edited here
for the same reason."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from improvement_hub.spaces.models import MovePlan, MoveStep, Space, SpacePhoto


class SpaceViewSet(SnippetViewSet):
    model = Space
    icon = "home"
    list_display = ["name", "provider", "capacity", "available_from", "available_until"]
    list_filter = ["provider", "is_public"]
    search_fields = ["name", "building"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("building"),
        FieldPanel("address"),
        FieldPanel("provider"),
        FieldPanel("organisation"),
        FieldPanel("capacity"),
        FieldPanel("layouts"),
        FieldPanel("equipment"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("hearing_loop"),
                FieldPanel("accessible_toilet"),
                FieldPanel("quiet_room"),
            ],
            heading="Access",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("open_weekends"),
            ],
            heading="When it can be used",
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_notice_hours"),
                FieldPanel("max_length_minutes"),
                FieldPanel("buffer_minutes"),
                FieldPanel("bookable_by_staff"),
                FieldPanel("bookable_by_partner"),
                FieldPanel("community_by_request"),
                FieldPanel("is_public"),
            ],
            heading="Booking rules",
        ),
    ]


class SpacePhotoViewSet(SnippetViewSet):
    model = SpacePhoto
    icon = "image"
    menu_label = "Space photos"
    list_display = ["alt_text", "space", "position"]
    list_filter = ["space"]
    panels = [
        FieldPanel("space"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("position"),
    ]


class MovePlanViewSet(SnippetViewSet):
    model = MovePlan
    icon = "redirect"
    menu_label = "Move plans"
    list_display = ["name", "from_space", "to_space"]
    panels = [FieldPanel("name"), FieldPanel("from_space"), FieldPanel("to_space")]


class MoveStepViewSet(SnippetViewSet):
    model = MoveStep
    icon = "tasks"
    menu_label = "Move plan steps"
    list_display = ["title", "plan", "kind", "due_on", "done_on"]
    list_filter = ["plan", "kind"]
    panels = [
        FieldPanel("plan"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("due_on"),
        FieldPanel("owner"),
        FieldPanel("owner_name"),
        FieldPanel("done_on"),
    ]


class SpacesViewSetGroup(SnippetViewSetGroup):
    menu_label = "Lab space"
    menu_icon = "home"
    menu_order = 240
    items = (SpaceViewSet, SpacePhotoViewSet, MovePlanViewSet, MoveStepViewSet)


register_snippet(SpacesViewSetGroup)
