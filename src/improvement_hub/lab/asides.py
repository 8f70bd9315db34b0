"""The referral page's aside (suggested services and priorities, similar referrals and
ideas), computed once and stored in ``ReferralAside`` rather than on every view.

The task worker computes it when a referral is confirmed, and again for the open
referrals most like it, which then list the new one. The page computes it when it is
missing, older than the referral's last change or a day old (``selectors.referral_aside``).
Names, text, status and visibility are read when the page is shown; only ids, confidences
and the basis sentence are stored.
"""

from django.utils import timezone
from django_tasks import task

from improvement_hub.core import similarity as indexes
from improvement_hub.lab import selectors, similarity
from improvement_hub.lab.models import OPEN_STATUSES, Referral, ReferralAside


def referral_aside_refresh(*, referral: Referral) -> selectors.Aside:
    """Computes the aside of ``referral`` now, stores it and returns it ready to show.

    Not stored while this process is still building a similarity index (its queries find
    nothing yet): the next view computes it again. Two refreshes at once both write the
    same row (an upsert), the later one winning; neither fails."""
    ready = indexes.all_ready()
    aside, data = selectors.referral_aside_compute(referral=referral)
    if ready:
        ReferralAside.objects.bulk_create(
            [ReferralAside(referral_id=referral.pk, computed_at=timezone.now(), data=data)],
            update_conflicts=True,
            unique_fields=["referral"],
            update_fields=["computed_at", "data"],
        )
    return aside


def referral_aside_refresh_around(*, referral_id: int) -> int:
    """The aside of a newly confirmed referral, and of the open referrals most like it (so
    that they list it): for the task worker. Returns how many were computed."""
    indexes.build_all()  # in this process, now: a worker never stores an empty answer
    referral = Referral.objects.filter(pk=referral_id).first()
    if referral is None or referral.status not in OPEN_STATUSES:
        return 0
    referral_aside_refresh(referral=referral)
    text = similarity.indexed_text(referral.problem, referral.affected_who)
    matches = similarity.similar(text, limit=selectors.SIMILAR_SHOWN, exclude=(referral.pk,))
    around = list(
        Referral.objects.filter(pk__in=[match.id for match in matches], status__in=OPEN_STATUSES)
    )
    for other in around:
        referral_aside_refresh(referral=other)
    return 1 + len(around)


@task()
def refresh_referral_asides(referral_id: int) -> int:
    """Queued when a referral is confirmed (``services.referral_confirm_email``)."""
    return referral_aside_refresh_around(referral_id=referral_id)
