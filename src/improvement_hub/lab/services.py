"""Every write in the Innovation Lab: the referral journey, triage decisions, the
referrer's own actions and the retention of personal data."""

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from improvement_hub.accounts.permissions import is_hub_team
from improvement_hub.core.ratelimit import rate_limit_consume
from improvement_hub.core.tasks import task_results_erase
from improvement_hub.council.models import Priority, Service
from improvement_hub.lab import message_templates, notification_kinds, selectors, similarity
from improvement_hub.lab.asides import refresh_referral_asides
from improvement_hub.lab.emails import (
    CONFIRM_SALT,
    send_referral_email,
    tracking_token_make,
)
from improvement_hub.lab.evidence import (
    MAX_DRAFT_BYTES,
    MAX_FILES,
    MAX_UPLOADS_PER_IP_PER_HOUR,
    evidence_check,
)
from improvement_hub.lab.models import (
    DECISIONS,
    OPEN_STATUSES,
    Challenge,
    Evidence,
    MessageTemplate,
    Referral,
    ReferralDraft,
    ReferralEvent,
    ReferralStatus,
)
from improvement_hub.notifications.services import notify
from improvement_hub.workdays import DEFAULT_CALENDAR

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.types import AnyUser

CONFIRM_MAX_AGE = 60 * 60 * 24 * 7
# A draft that holds contact details is erased after this long without a change (and its
# cookie lasts no longer); a draft without them after DRAFT_IDLE.
DRAFT_IDLE_WITH_CONTACT = timedelta(hours=2)
DRAFT_IDLE = timedelta(days=30)
CONTACT_ANSWERS = ("contact_name", "email", "phone")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- the referrer's draft ------------------------------------------------------------------


def draft_save(*, draft: ReferralDraft, answers: dict[str, Any]) -> ReferralDraft:
    """Merges one page's answers into the draft."""
    draft.answers = {**draft.answers, **answers}
    draft.save(update_fields=["answers", "updated_at"])
    return draft


def draft_has_contact_details(draft: ReferralDraft) -> bool:
    return any(draft.answers.get(name) for name in CONTACT_ANSWERS)


def draft_idle_limit(draft: ReferralDraft) -> timedelta:
    """How long the draft is kept without a change: hours once it holds contact details."""
    return DRAFT_IDLE_WITH_CONTACT if draft_has_contact_details(draft) else DRAFT_IDLE


def draft_is_expired(draft: ReferralDraft, *, now: datetime | None = None) -> bool:
    return draft.updated_at < (now or timezone.now()) - draft_idle_limit(draft)


def draft_clear(*, draft: ReferralDraft) -> None:
    """Deletes the draft, every answer in it and its evidence files ("Clear my answers")."""
    for evidence in draft.evidence.all():
        evidence.file.delete(save=False)
    draft.delete()


def drafts_erase_expired(*, now: datetime | None = None) -> int:
    """Deletes drafts not changed for their idle limit; returns how many."""
    now = now or timezone.now()
    stale = ReferralDraft.objects.filter(updated_at__lt=now - DRAFT_IDLE_WITH_CONTACT)
    erased = 0
    for draft in stale.iterator():
        if draft_is_expired(draft, now=now):
            draft_clear(draft=draft)
            erased += 1
    return erased


def evidence_has_room(*, stored: int) -> bool:
    """Whether a draft holding ``stored`` files may take another (the page offers the
    upload only then; ``evidence_add`` refuses it otherwise)."""
    return stored < MAX_FILES


def evidence_add(*, draft: ReferralDraft, upload: UploadedFile[Any], ip: str = "") -> Evidence:
    """Stores one evidence file after checking its real type, size and what it expands to,
    the uploads from the address this hour, and the draft's file count and total size.
    The draft's row is locked while counting, so parallel uploads cannot pass the limits."""
    rate_limit_consume(
        scope="lab:evidence-ip",
        key=ip or "unknown",
        limit=MAX_UPLOADS_PER_IP_PER_HOUR,
        period=3600,
        message="You have uploaded a lot of files in a short time. Your answers are saved: "
        "try again in an hour, or send your referral without more files.",
    )
    try:
        mime = evidence_check(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    original = (upload.name or "file")[-200:]
    with transaction.atomic():
        locked = ReferralDraft.objects.select_for_update().get(pk=draft.pk)
        stored = list(locked.evidence.values_list("size", flat=True))
        if not evidence_has_room(stored=len(stored)):
            raise ValidationError({"file": f"You can only send {MAX_FILES} files"})
        if sum(stored) + (upload.size or 0) > MAX_DRAFT_BYTES:
            raise ValidationError(
                {
                    "file": f"Your files must be smaller than {MAX_DRAFT_BYTES // (1024 * 1024)}MB"
                    " in total. Remove a file or choose a smaller one"
                }
            )
        upload.name = f"{secrets.token_hex(16)}{_extension(mime)}"  # never trust the given name
        return Evidence.objects.create(
            draft=locked,
            file=upload,
            original_name=original,
            content_type=mime,
            size=upload.size or 0,
        )


def _extension(mime: str) -> str:
    return {
        "application/pdf": ".pdf",
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/gif": ".gif",
        "image/webp": ".webp",
        "application/msword": ".doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
        "application/vnd.oasis.opendocument.text": ".odt",
    }.get(mime, "")


def evidence_remove(*, draft: ReferralDraft, evidence_id: int) -> None:
    evidence = draft.evidence.filter(pk=evidence_id).first()
    if evidence is not None:
        evidence.file.delete(save=False)
        evidence.delete()


# --- submission -------------------------------------------------------------------------------


@dataclass
class ReferralData:
    """A referral's answers, already validated by the forms or the API schema."""

    problem: str
    email: str
    consent: bool
    raised_as: str = "resident"
    organisation_name: str = ""
    affected_who: str = ""
    affected_count: str = ""
    services: tuple[Service, ...] = ()
    agencies: tuple[str, ...] = ()
    agencies_other: str = ""
    tried: str = ""
    priorities: tuple[Priority, ...] = ()
    contact_name: str = ""
    phone: str = ""


def _limit(ip: str, email: str) -> None:
    per_ip, per_email = settings.LAB_REFERRAL_RATE_LIMITS
    message = (
        "You have sent a lot of referrals in a short time. Your answers are saved: "
        "try again in an hour, or email the Improvement Hub Team."
    )
    rate_limit_consume(
        scope="lab:ip", key=ip or "unknown", limit=per_ip, period=3600, message=message
    )
    rate_limit_consume(
        scope="lab:email",
        key=token_hash(email.lower()),
        limit=per_email,
        period=86400,
        message=message,
    )


def referral_submit(
    *,
    data: ReferralData,
    ip: str,
    draft: ReferralDraft | None = None,
    referrer: "User | None" = None,
) -> tuple[Referral, str]:
    """Creates a referral waiting for email confirmation; returns it and the secret
    tracking token (emailed, never stored). Refuses a missing consent. Sent by a signed-in
    ``referrer`` with their account's verified email, it needs no confirmation: it is
    received at once, listed under their referrals and told to them in their
    notifications. Refuses a referrer whose verified email is not the one given."""
    if not data.consent:
        raise ValidationError({"consent": "Confirm that you agree to us using your information"})
    if referrer is not None and selectors.account_verified_email(user=referrer) != (
        data.email.strip().lower()
    ):
        raise ValidationError({"email": "Use the verified email address of your account"})
    _limit(ip, data.email)
    now = timezone.now()
    with transaction.atomic():
        referral = Referral(
            raised_as=data.raised_as,
            organisation_name=data.organisation_name.strip(),
            affected_who=data.affected_who.strip(),
            affected_count=data.affected_count,
            problem=data.problem.strip(),
            agencies=list(dict.fromkeys(data.agencies)),
            agencies_other=data.agencies_other.strip(),
            tried=data.tried.strip(),
            contact_name=data.contact_name.strip(),
            email=data.email.strip().lower(),
            phone=data.phone.strip(),
            consent_at=now,
            tracking_nonce=secrets.token_urlsafe(24),
            referrer=referrer,
        )
        referral.full_clean(exclude=["reference"])
        referral.save()
        referral.reference = f"IL-{now.year}-{referral.pk:06d}"
        tracking = tracking_token_make(referral)
        referral.tracking_token_hash = token_hash(tracking)
        referral.save(update_fields=["reference", "tracking_token_hash"])
        referral.services.set(data.services)
        referral.priorities.set(data.priorities)
        if draft is not None:
            draft.evidence.update(referral=referral, draft=None)
            draft.delete()
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEvent.Kind.SUBMITTED,
            created_at=now,
            message="Thank you. We have your referral."
            if referrer is not None
            else "Thank you. We have your referral. Please confirm your email address so "
            "that we can start looking at it.",
        )
        if referrer is None:
            transaction.on_commit(lambda: _email_queue(referral.pk))
        else:
            referral = referral_confirm_email(referral=referral)
            transaction.on_commit(partial(_referrer_tell, referral))
    return referral, tracking


def _referrer_tell(referral: Referral) -> None:
    """Tells a signed-in referrer their referral is received, in their notifications."""
    notify(
        recipients=[referral.referrer],
        subject=f"We have your referral {referral.reference}",
        body=f"We will acknowledge it by {referral.acknowledge_by:%-d %B %Y} and tell you "
        f"what we will do by {referral.decide_by:%-d %B %Y}.",
        url=reverse("lab:track", args=[referral.reference]),
    )


def confirm_token_read(token: str) -> Referral | None:
    """The referral a confirmation link is for, if the link is genuine and recent."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    referral = Referral.objects.filter(pk=data.get("r")).first()
    if referral is None or referral.email != data.get("e"):
        return None
    return referral


def _email_queue(referral_id: int, event_id: int | None = None) -> None:
    """Queues an email to the referrer. The task gets ids only: the address, links and
    message are read when it runs, so no queued or finished task row holds personal data."""
    send_referral_email.enqueue(referral_id=referral_id, event_id=event_id)


def referral_confirm_email(*, referral: Referral) -> Referral:
    """Starts triage: the referral is received and its response targets are set."""
    if referral.email_confirmed_at is not None:
        return referral
    now = timezone.now()
    calendar = DEFAULT_CALENDAR
    with transaction.atomic():
        changed = Referral.objects.filter(pk=referral.pk, email_confirmed_at__isnull=True).update(
            email_confirmed_at=now,
            received_at=now,
            status=ReferralStatus.NEW,
            acknowledge_by=calendar.due_date(now, settings.LAB_ACKNOWLEDGE_WORKING_DAYS),
            decide_by=calendar.due_date(now, settings.LAB_DECIDE_WORKING_DAYS),
            updated_at=now,
        )
        referral.refresh_from_db()
        if changed:
            ReferralEvent.objects.create(
                referral=referral,
                kind=ReferralEvent.Kind.CONFIRMED,
                created_at=now,
                message=f"Your email address is confirmed. We will acknowledge your referral by "
                f"{referral.acknowledge_by:%-d %B %Y} and tell you what we will do by "
                f"{referral.decide_by:%-d %B %Y}.",
            )
            transaction.on_commit(similarity.mark_changed)
            # its suggestions and similar items, and its neighbours' (lab.asides)
            transaction.on_commit(lambda: refresh_referral_asides.enqueue(referral_id=referral.pk))
            # notifications (issue 10): the Hub Team is told of a referral to acknowledge
            transaction.on_commit(lambda: notification_kinds.referral_confirmed_tell(referral))
    return referral


def referral_get_by_tracking(*, reference: str, token: str) -> Referral | None:
    """The referral, if the tracking token matches it (compared in constant time)."""
    referral = Referral.objects.filter(reference=reference).first()
    if referral is None or not token or not referral.tracking_token_hash:
        return None
    if not secrets.compare_digest(referral.tracking_token_hash, token_hash(token)):
        return None
    return referral


def referral_withdraw(*, referral: Referral) -> Referral:
    """The referrer withdraws their referral; it is closed and stays in the history."""
    if referral.is_closed:
        raise ValidationError("This referral is already closed")
    now = timezone.now()
    with transaction.atomic():
        referral.status, referral.closed_at = ReferralStatus.WITHDRAWN, now
        referral.save(update_fields=["status", "closed_at", "updated_at"])
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEvent.Kind.WITHDRAWN,
            message="You withdrew this referral.",
        )
        transaction.on_commit(similarity.mark_changed)
    return referral


def referral_reply(*, referral: Referral, message: str) -> ReferralEvent:
    """The referrer answers a request for more information."""
    if not referral.awaits_reply:
        raise ValidationError("We have not asked you for more information")
    text = message.strip()
    if not text:
        raise ValidationError({"message": "Enter your reply"})
    with transaction.atomic():
        event = ReferralEvent.objects.create(
            referral=referral, kind=ReferralEvent.Kind.REPLY, message=text[:5000]
        )
        referral.status = ReferralStatus.ACKNOWLEDGED
        referral.save(update_fields=["status", "updated_at"])
    return event


# --- triage ---------------------------------------------------------------------------------


def _require_hub(actor: "AnyUser") -> "User":
    """The actor, if they are in the Hub Team; refuses anyone else."""
    if isinstance(actor, AnonymousUser) or not is_hub_team(actor):
        raise PermissionDenied("Only the Improvement Hub Team can triage referrals")
    return actor


def template_text(kind: str, **values: str) -> tuple[str, str]:
    """The subject and body of a decision's message, with the blanks filled in. Never
    fails on a template: a placeholder it does not know stays as typed."""
    template = MessageTemplate.objects.filter(kind=kind).first()
    if template is None:
        return "", ""
    return message_templates.fill(template.subject, values), message_templates.fill(
        template.body, values
    )


def service_contact(service: Service | None) -> str:
    if service is None:
        return ""
    parts = [service.contact_url, service.contact_email, service.contact_phone]
    return " · ".join(p for p in parts if p)


def referral_assign(*, actor: "AnyUser", referral: Referral, assignee: "User | None") -> Referral:
    """Gives the referral to a member of the Hub Team, or to nobody; refuses anyone else."""
    _require_hub(actor)
    if assignee is not None and not is_hub_team(assignee):
        raise ValidationError({"assignee": "Select a member of the Hub Team"})
    referral.assignee = assignee
    referral.save(update_fields=["assignee", "updated_at"])
    # notifications (issue 10): the person it is assigned to is told
    transaction.on_commit(
        lambda: notification_kinds.referral_assigned_tell(
            referral=referral, assignee=assignee, actor=actor
        )
    )
    return referral


def referral_update_tags(
    *,
    actor: "AnyUser",
    referral: Referral,
    services: Iterable[Service],
    priorities: Iterable[Priority],
) -> Referral:
    """The Hub Team's own view of which services and priorities a referral touches."""
    _require_hub(actor)
    referral.services.set(services)
    referral.priorities.set(priorities)
    Referral.objects.filter(pk=referral.pk).update(updated_at=timezone.now())
    return referral


@dataclass
class Decision:
    """A triage decision. An empty ``message`` means the standard message for the kind,
    with ``note`` as the reason it gives."""

    kind: str
    message: str = ""
    note: str = ""
    challenge: Challenge | None = None
    new_challenge_title: str = ""
    service: Service | None = None
    merge_into: Referral | None = None


def _standard_message(referral: Referral, decision: Decision) -> str:
    """The decision's standard message, with the referral's details and the reason."""
    challenge = decision.challenge.title if decision.challenge else decision.new_challenge_title
    _subject, body = template_text(
        decision.kind,
        reference=referral.reference or "",
        service=decision.service.name if decision.service else "",
        service_contact=service_contact(decision.service),
        challenge=challenge,
        reason=decision.note.strip(),
    )
    return body.strip()


def _decision_errors(referral: Referral, decision: Decision, message: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    kind = decision.kind
    if not message:
        errors["message"] = "Enter the message to the referrer"
    # A decline gives the referrer a reason: the standard message gives the note as one.
    if kind == ReferralEvent.Kind.DECLINED and not (
        decision.message.strip() or decision.note.strip()
    ):
        errors["note"] = "Enter the reason for declining, or write the message yourself"
    if kind == ReferralEvent.Kind.ACCEPTED and not (
        decision.challenge or decision.new_challenge_title.strip()
    ):
        errors["challenge"] = "Select a challenge to join, or enter a title for a new one"
    if kind == ReferralEvent.Kind.REFERRED and decision.service is None:
        errors["service"] = "Select the service the referral goes to"
    if kind == ReferralEvent.Kind.MERGED:
        target = decision.merge_into
        if target is None or target.pk == referral.pk or target.status == ReferralStatus.MERGED:
            errors["merge_into"] = (
                "Enter the reference of another referral that has not been merged"
            )
    return errors


def referral_decide(*, actor: "AnyUser", referral: Referral, decision: Decision) -> ReferralEvent:
    """Records a triage decision with its message to the referrer (the standard message
    for the decision when the Hub Team writes none), and emails them. Refuses anyone but
    the Hub Team, a referral already decided, a decision without its details, and a
    decline without a reason (a reason, or a message written for the referrer)."""
    hub = _require_hub(actor)
    if decision.kind not in DECISIONS:
        raise ValidationError({"kind": "Select what to do with the referral"})
    if referral.status not in OPEN_STATUSES:
        raise ValidationError("This referral has already been decided")
    message = decision.message.strip() or _standard_message(referral, decision)
    errors = _decision_errors(referral, decision, message)
    if errors:
        raise ValidationError(errors)
    kind = decision.kind
    now = timezone.now()
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        if referral.status not in OPEN_STATUSES:
            raise ValidationError("This referral has just been decided by someone else")
        if kind == ReferralEvent.Kind.ACCEPTED:
            challenge = decision.challenge or _challenge_create(
                decision.new_challenge_title, referral
            )
            referral.challenge = challenge
        if kind == ReferralEvent.Kind.REFERRED:
            referral.referred_to = decision.service
        if kind == ReferralEvent.Kind.MERGED:
            referral.merged_into = decision.merge_into
        referral.status = DECISIONS[kind]
        if referral.acknowledged_at is None:
            referral.acknowledged_at = now
        if referral.status not in OPEN_STATUSES:
            referral.decided_at = referral.closed_at = now
        referral.save()
        event = ReferralEvent.objects.create(
            referral=referral,
            kind=kind,
            message=message,
            note=decision.note.strip(),
            actor=hub,
            created_at=now,
        )
        if referral.email and referral.email_confirmed_at:
            transaction.on_commit(lambda: _email_queue(referral.pk, event.pk))
        transaction.on_commit(similarity.mark_changed)
    return event


def _challenge_create(title: str, referral: Referral) -> Challenge:
    base = slugify(title)[:140] or "challenge"
    slug, n = base, 2
    while Challenge.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    challenge = Challenge.objects.create(
        title=title.strip()[:160],
        slug=slug,
        is_published=False,
        statement="To be written by the Hub Team, without names or personal details.",
    )
    challenge.priorities.set(referral.priorities.all())
    challenge.services.set(referral.services.all())
    return challenge


# --- retention ---------------------------------------------------------------------------------


# The referrer's own words around the problem: erased with their contact details, as they
# may name people. The problem statement itself stays (the Lab's record of what was raised;
# the form asks for no personal details in it), but leaves the similarity index.
FREE_TEXT_FIELDS = ("organisation_name", "affected_who", "agencies_other", "tried")


def retention_erase(*, now: datetime | None = None) -> int:
    """Erases referrers' personal data a set number of months after closure, and that of
    unconfirmed referrals after 30 days; deletes drafts once idle (see drafts_erase_expired).

    Every copy goes: contact details, tracking secrets, the referrer's own words (free text
    and replies), the kept copies of messages to them, evidence files, task rows that still
    mention their address (rows queued before tasks took ids only), and the referral's entry
    in the similarity index. What stays: the problem statement, dates, status, services,
    priorities, the Hub Team's internal notes and the kinds and dates of decisions."""
    now = now or timezone.now()
    months = settings.LAB_RETENTION_MONTHS
    cutoff = now - timedelta(days=round(months * 30.44))
    stale = now - timedelta(days=30)
    erased = 0
    candidates = Referral.objects.filter(personal_data_erased_at__isnull=True).filter(
        closed_at__lt=cutoff
    ) | Referral.objects.filter(
        personal_data_erased_at__isnull=True,
        status=ReferralStatus.UNCONFIRMED,
        created_at__lt=stale,
    )
    for referral in candidates.distinct():
        with transaction.atomic():
            # claimed by a conditional update first: a second run at the same moment (two
            # workers, or cron and a worker) waits for this one, then finds it erased
            claimed = Referral.objects.filter(
                pk=referral.pk, personal_data_erased_at__isnull=True
            ).update(
                contact_name="",
                email="",
                phone="",
                tracking_token_hash="",
                tracking_nonce="",
                referrer=None,
                personal_data_erased_at=now,
                updated_at=now,
                **dict.fromkeys(FREE_TEXT_FIELDS, ""),
            )
            if not claimed:
                continue
            for evidence in referral.evidence.all():
                evidence.file.delete(save=False)
            referral.evidence.all().delete()
            task_results_erase(mentioning=[referral.email])
            referral.events.exclude(message="").update(message="")
            ReferralEvent.objects.create(
                referral=referral,
                kind=ReferralEvent.Kind.ERASED,
                created_at=now,
                note="Contact details, the referrer's details of who is affected and what was "
                f"tried, replies, messages and evidence erased under the {months}-month "
                "retention rule",
            )
            transaction.on_commit(similarity.mark_changed)
            # the triage page's kept rendering of its record held the erased words
            transaction.on_commit(partial(cache.delete, selectors.referral_record_key(referral.pk)))
        erased += 1
    drafts_erase_expired(now=now)
    return erased
