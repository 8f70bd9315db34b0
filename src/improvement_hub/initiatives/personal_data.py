"""Initiatives' part of "download your data".

On closure the initiatives they follow are forgotten; their place on a team and the
updates they wrote stay in the initiative's record and show "A former member".
"""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from improvement_hub.core.personal_data import personal_data_register
from improvement_hub.initiatives.models import InitiativeFollow, StatusUpdate, TeamMember

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User


def _when(moment: date | datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def initiatives_export(user: "User") -> dict[str, Any]:
    """The initiative teams the person is on and the progress updates they wrote."""
    return {
        "team_memberships": [
            {
                "initiative": member.initiative_id,
                "initiative_title": member.initiative.title,
                "role": member.get_role_display(),
                "organisation": member.organisation.name if member.organisation else None,
            }
            for member in TeamMember.objects.filter(user=user)
            .select_related("initiative", "organisation")
            .order_by("initiative_id", "pk")
        ],
        "progress_updates_written": [
            {
                "initiative": update.initiative_id,
                "initiative_title": update.initiative.title,
                "date": _when(update.on),
                "rating": update.get_rag_display(),
                "summary": update.summary,
            }
            for update in StatusUpdate.objects.filter(author=user)
            .select_related("initiative")
            .order_by("on", "pk")
        ],
        "initiatives_followed": [
            {
                "initiative": follow.initiative_id,
                "initiative_title": follow.initiative.title,
                "since": _when(follow.created_at),
            }
            for follow in InitiativeFollow.objects.filter(user=user)
            .select_related("initiative")
            .order_by("created_at", "pk")
        ],
    }


def initiatives_close(user: "User") -> None:
    """Forgets which initiatives the person followed."""
    InitiativeFollow.objects.filter(user=user).delete()


def register() -> None:
    personal_data_register(
        key="initiatives",
        title="Initiatives",
        export=initiatives_export,
        close=initiatives_close,
        order=50,
    )
