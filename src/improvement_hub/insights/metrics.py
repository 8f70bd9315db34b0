"""The names of the dashboard's figures, shared by the refresh and the reads."""

from django.conf import settings

# Flows: one row per day an item came in (summed over the chosen period).
IDEAS_SUBMITTED = "ideas.submitted"
IDEAS_ANSWERED = "ideas.answered"
IDEAS_TAKEN_FORWARD = "ideas.taken_forward"
IDEA_ANSWER = "cycle.idea_answer"
REFERRALS_RECEIVED = "referrals.received"
REFERRALS_ACCEPTED = "referrals.accepted"
CHALLENGES = "referrals.challenges"
REFERRAL_ACKNOWLEDGE = "cycle.referral_acknowledge"
REFERRAL_DECIDE = "cycle.referral_decide"
PILOTS_STARTED = "pilots.started"
PILOTS_DECIDED = "pilots.decided"
PILOTS_ADOPTED = "pilots.adopted"
CYCLES = (IDEA_ANSWER, REFERRAL_ACKNOWLEDGE, REFERRAL_DECIDE)
FLOW_METRICS = (
    IDEAS_SUBMITTED,
    IDEAS_ANSWERED,
    IDEAS_TAKEN_FORWARD,
    REFERRALS_RECEIVED,
    REFERRALS_ACCEPTED,
    CHALLENGES,
    PILOTS_STARTED,
    PILOTS_DECIDED,
    PILOTS_ADOPTED,
    *(f"{cycle}.{part}" for cycle in CYCLES for part in ("done", "within", "days")),
)

# Snapshots: what was true on the day of a refresh.
SNAPSHOT = "snapshot"
INITIATIVES_STAGE = "initiatives.stage"
INITIATIVES_SCALE = "initiatives.scale"
RAG = "initiatives.rag"
NO_RATING = "none"
MILESTONES_SLIPPING = "milestones.slipping"
INITIATIVES_SLIPPING = "milestones.initiatives"
BENEFITS = "benefits"
MEASURES_VARIATION = "measures.variation"
MEASURES_ASSURANCE = "measures.assurance"
NO_TARGET = "none"
ACADEMY_TRAINED = "academy.trained"
ACADEMY_TRAINED_BY_DIRECTORATE = "academy.trained_by_directorate"
AMBASSADORS = "academy.ambassadors"
AMBASSADOR_PATHWAY = "improvement-ambassador"
PILOT_TRAINING = "academy.pilot_training"
SPACE_OPEN = "spaces.open"
SPACE_BOOKED = "spaces.booked"
CONTRACT_SPEND = "contracts.spend"
DELIVERABLES = "contracts.deliverables"

# Snapshot figures that are not split by priority or directorate (read from the 0, 0 slice).
UNSLICED = (
    ACADEMY_TRAINED_BY_DIRECTORATE,
    AMBASSADORS,
    SPACE_OPEN,
    SPACE_BOOKED,
    CONTRACT_SPEND,
    DELIVERABLES,
)

IDEA_ANSWER_WORKING_DAYS = 10


def idea_answer_target() -> int:
    """Working days to give a submitted idea its first answer (the Ideas Forum's promise)."""
    return int(getattr(settings, "IDEAS_ANSWER_WORKING_DAYS", IDEA_ANSWER_WORKING_DAYS))


def cycle_targets() -> dict[str, int]:
    return {
        IDEA_ANSWER: idea_answer_target(),
        REFERRAL_ACKNOWLEDGE: settings.LAB_ACKNOWLEDGE_WORKING_DAYS,
        REFERRAL_DECIDE: settings.LAB_DECIDE_WORKING_DAYS,
    }


VARIATIONS = {
    "special_cause_improvement": "improvement",
    "special_cause_concern": "concern",
    "special_cause_neutral": "neutral",
    "common_cause": "no_change",
}


def variation_key(variation: str | None) -> str:
    return VARIATIONS.get(variation or "", "no_data")
