"""The Hub Team edits service redesign programmes, their phases and the programme goals in
the admin; initiatives themselves are edited on their own pages by their teams."""

from wagtail import hooks
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


@hooks.register("register_log_actions")
def _training_log_action(actions: object) -> None:
    """The audit log's entry for a change of a pilot's training requirement."""
    from wagtail.log_actions import LogFormatter

    from improvement_hub.initiatives.training import REQUIREMENT_CHANGED

    @actions.register_action(REQUIREMENT_CHANGED)  # type: ignore[attr-defined]  # Wagtail's registry
    class _RequirementChanged(LogFormatter):
        label = "Change training requirement"

        def format_message(self, log_entry: object) -> str:
            changes = (getattr(log_entry, "data", {}) or {}).get("changes", {})
            parts = [f"{k}: {b or 'none'} to {a or 'none'}" for k, (b, a) in changes.items()]
            return "Training requirement changed. " + "; ".join(parts)
