"""The vocabularies of initiatives: strands, methods and their stages, RAG ratings."""

from django.db import models


class Strand(models.TextChoices):
    IMPROVEMENT_TEAM = "improvement_team", "Improvement Team"
    INNOVATION_LAB = "innovation_lab", "Innovation Lab"


class ImprovementMethod(models.TextChoices):
    MODEL_FOR_IMPROVEMENT = "model_for_improvement", "Model for improvement (PDSA)"
    DOUBLE_DIAMOND = "double_diamond", "Double diamond"


class Stage(models.TextChoices):
    """Stages of both methods. Each method uses its own run of them (``METHOD_STAGES``)."""

    # the model for improvement
    AIM = "aim", "Setting the aim"
    TEST = "test", "Testing changes (PDSA)"
    IMPLEMENT = "implement", "Implementing"
    SPREAD = "spread", "Spreading and sustaining"
    # the double diamond, then embedding the change
    DISCOVER = "discover", "Discover"
    DEFINE = "define", "Define"
    DEVELOP = "develop", "Develop"
    DELIVER = "deliver", "Deliver"
    EMBED = "embed", "Embed"
    # both
    CLOSED = "closed", "Closed"


METHOD_STAGES: dict[str, list[str]] = {
    ImprovementMethod.MODEL_FOR_IMPROVEMENT: [Stage.AIM, Stage.TEST, Stage.IMPLEMENT, Stage.SPREAD],
    ImprovementMethod.DOUBLE_DIAMOND: [
        Stage.DISCOVER,
        Stage.DEFINE,
        Stage.DEVELOP,
        Stage.DELIVER,
        Stage.EMBED,
    ],
}


class Rag(models.TextChoices):
    GREEN = "green", "Green: on track"
    AMBER = "amber", "Amber: at risk, in hand"
    RED = "red", "Red: off track, needs help"
