"""The Hub Team edit courses (draft or published), pathways and their steps, learning
visits and the skills framework in the admin."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from improvement_hub.academy.models import (
    Course,
    LearningVisit,
    Pathway,
    PathwayStep,
    Skill,
)


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "openquote"
    list_display = ["title", "level", "format", "is_published"]
    list_filter = ["level", "format", "is_published"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("outcomes"),
        FieldPanel("level"),
        FieldPanel("format"),
        FieldPanel("duration"),
        FieldPanel("elearning_url"),
        FieldPanel("for_staff"),
        FieldPanel("for_managers"),
        FieldPanel("for_leaders"),
        FieldPanel("for_partners"),
        FieldPanel("methods"),
        FieldPanel("priorities"),
        FieldPanel("prerequisites"),
        FieldPanel("needs_manager_approval"),
        FieldPanel("is_published"),
    ]


class PathwayViewSet(SnippetViewSet):
    model = Pathway
    icon = "list-ol"
    list_display = ["title", "capability", "is_published"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("capability"),
        FieldPanel("summary"),
        FieldPanel("is_published"),
    ]


class PathwayStepViewSet(SnippetViewSet):
    model = PathwayStep
    icon = "list-ul"
    menu_label = "Pathway steps"
    list_display = ["pathway", "position", "title", "kind"]
    list_filter = ["pathway"]


class LearningVisitViewSet(SnippetViewSet):
    model = LearningVisit
    icon = "site"
    menu_label = "Learning visits"
    list_display = ["peer_lab", "visited_on"]
    panels = [
        FieldPanel("peer_lab"),
        FieldPanel("visited_on"),
        FieldPanel("people"),
        FieldPanel("learnt"),
        FieldPanel("adopt"),
    ]


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tick-inverse"
    menu_label = "Skills framework"
    list_display = ["name", "position"]


class AcademyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Change Academy"
    menu_icon = "openquote"
    menu_order = 230
    # Sessions are scheduled, changed and cancelled on the Academy's own pages, where the
    # rules hold and everyone booked is told; the admin would bypass both.
    items = (
        CourseViewSet,
        PathwayViewSet,
        PathwayStepViewSet,
        LearningVisitViewSet,
        SkillViewSet,
    )


register_snippet(AcademyViewSetGroup)
