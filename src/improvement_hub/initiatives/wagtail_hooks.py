"""The Hub Team edits service redesign programmes, their phases and the programme goals in
the admin; initiatives themselves are edited on their own pages by their teams."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from improvement_hub.initiatives.models import ProgrammeGoal, RedesignPhase, RedesignProgramme


class ProgrammeViewSet(SnippetViewSet):
    model = RedesignProgramme
    icon = "date"
    menu_label = "Redesign programmes"
    list_display = ["title", "directorate"]
    list_filter = ["directorate"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("directorate"),
        FieldPanel("description"),
    ]


class PhaseViewSet(SnippetViewSet):
    model = RedesignPhase
    icon = "time"
    menu_label = "Redesign phases"
    list_display = ["name", "programme", "starts_on", "ends_on", "accepts_pilots"]
    list_filter = ["programme", "accepts_pilots"]
    panels = [
        FieldPanel("programme"),
        FieldPanel("name"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("accepts_pilots"),
    ]


class GoalViewSet(SnippetViewSet):
    model = ProgrammeGoal
    icon = "success"
    menu_label = "Programme goals"
    list_display = ["title", "pilots_target", "deadline"]
    panels = [FieldPanel("title"), FieldPanel("pilots_target"), FieldPanel("deadline")]


class InitiativesViewSetGroup(SnippetViewSetGroup):
    menu_label = "Initiatives"
    menu_icon = "list-ul"
    menu_order = 230
    items = (ProgrammeViewSet, PhaseViewSet, GoalViewSet)


register_snippet(InitiativesViewSetGroup)
