"""Every read of the partnership pages and endpoints, with fixed query counts."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail.models import Page

from improvement_hub.academy import selectors as academy_selectors
from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives.models import Initiative, Pilot, Prototype
from improvement_hub.lab import selectors as lab_selectors
from improvement_hub.lab.models import Challenge, Referral
from improvement_hub.partnership import permissions
from improvement_hub.partnership.models import (
    AuditEntry,
    Contract,
    Decision,
    DecisionState,
    Delegation,
    Deliverable,
    DeliverableStatus,
    EvidenceLink,
    HandoverPlan,
    OtherRoute,
    PaymentBlock,
    ProcurementRules,
    RunningCost,
    Supplier,
    TransparencyFile,
)
from improvement_hub.partnership.rules import Check, Evidence, Thresholds, standing_orders_check
from improvement_hub.spaces import selectors as spaces_selectors

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.types import AnyUser


# --- rules as data ----------------------------------------------------------------------


def thresholds_on(day: date) -> Thresholds:
    """The standing-orders thresholds in force on ``day`` (the built-in ones before any row)."""
    row = ProcurementRules.objects.filter(effective_from__lte=day).first()
    if row is None:
        return Thresholds()
    return Thresholds(quotations_below=row.quotations_below_gbp, eu_threshold=row.eu_threshold_gbp)


def delegation_list_in_force(day: date | None = None) -> QuerySet[Delegation]:
    """Each active delegation's latest version on or before ``day`` (today by default)."""
    day = day or timezone.localdate()
    rows = Delegation.objects.filter(effective_from__lte=day).order_by("slug", "-effective_from")
    latest: dict[str, int] = {}
    for pk, slug, active in rows.values_list("pk", "slug", "is_active"):
        if slug not in latest:
            latest[slug] = pk if active else 0
    return Delegation.objects.filter(pk__in=[pk for pk in latest.values() if pk])


def other_routes_in_force(day: date) -> list[OtherRoute]:
    """The bands the form is not for, latest version of each name on or before ``day``."""
    seen: dict[str, OtherRoute] = {}
    for row in OtherRoute.objects.filter(effective_from__lte=day).order_by(
        "name", "-effective_from"
    ):
        seen.setdefault(row.name, row)
    return sorted(seen.values(), key=lambda r: r.min_gbp)


# --- decisions --------------------------------------------------------------------------


def decision_list_for_user(*, user: "AnyUser | None") -> QuerySet[Decision]:
    """Published decisions for everyone; every decision for the Hub Team and Leadership."""
    decisions = Decision.objects.select_related("delegation")
    if permissions.can_see_all_decisions(user):
        return decisions.all()
    return decisions.published()


def decision_get_for_user(*, user: "AnyUser | None", pk: int) -> Decision:
    """One decision the user may see; 404 for missing and not allowed alike."""
    decision = (
        decision_list_for_user(user=user)
        .select_related("corrects", "signed_by", "correction")
        .prefetch_related("quotations")
        .filter(pk=pk)
        .first()
    )
    if decision is None:
        raise Http404("No such decision")
    return decision


def decision_officers() -> list[str]:
    """The officers named on published decisions, for the register's filter."""
    names = Decision.objects.published().values_list("decision_maker", flat=True).distinct()
    return sorted(set(names))


def decision_check(decision: Decision) -> Check:
    """The standing-orders check of a decision, with its quotations (prefetched or counted)."""
    quotations = len(decision.quotations.all())
    evidence = Evidence(
        quotations=quotations,
        single_quote_reason=decision.single_quote_reason,
        advertised_days=decision.advertised_days,
        direct_approaches=decision.direct_approaches,
        exemption_justification=decision.exemption_justification,
    )
    day = decision.signed_on or timezone.localdate()
    return standing_orders_check(
        value=decision.value_gbp,
        route=decision.route,
        evidence=evidence,
        thresholds=thresholds_on(day),
    )


def decision_actions(*, user: "AnyUser | None", decision: Decision) -> list[tuple[str, str, str]]:
    """The buttons a person sees on a decision: (action, label, button classes)."""
    actions: list[tuple[str, str, str]] = []
    state = decision.state
    if state == DecisionState.DRAFT and permissions.can_draft_decision(user):
        actions.append(("submit", "Submit for signature", ""))
    if state == DecisionState.SUBMITTED and permissions.can_sign_decision(user):
        actions.append(("sign", "Sign the decision", ""))
    if (
        state == DecisionState.SIGNED
        and decision.is_public
        and permissions.can_publish_decision(user)
    ):
        actions.append(("publish", "Publish in the register", ""))
    if (
        decision.is_signed
        and permissions.can_draft_decision(user)
        and not hasattr_correction(decision)
    ):
        actions.append(("correct", "Make a correction", "govuk-button--secondary"))
    if state != DecisionState.WITHDRAWN and permissions.can_publish_decision(user):
        actions.append(("withdraw", "Withdraw", "govuk-button--warning"))
    return actions


def hasattr_correction(decision: Decision) -> bool:
    """Whether a decision already has its correction (the reverse one-to-one, selected)."""
    try:
        return decision.correction is not None
    except Decision.correction.RelatedObjectDoesNotExist:
        return False


def decision_shows_budget_code(*, user: "AnyUser | None") -> bool:
    """The budget code is redacted in the public version."""
    return permissions.can_see_all_decisions(user)


# --- contracts --------------------------------------------------------------------------


def contract_list_for_user(*, user: "AnyUser | None") -> QuerySet[Contract]:
    """The Hub Team and Leadership see every contract; a partner only those they are a
    contact on."""
    contracts = Contract.objects.select_related("supplier", "decision")
    if permissions.is_hub_team(user) or permissions.is_leadership(user):
        return contracts.all()
    if user is not None and permissions.is_partner(user):
        return contracts.filter(partner_contacts=user.pk)
    return contracts.none()


def contract_get_for_user(*, user: "AnyUser | None", pk: int) -> Contract:
    """One contract with its deliverables, blocks and spend; 404 when not visible."""
    contract = (
        contract_list_for_user(user=user)
        .prefetch_related(
            Prefetch("deliverables", queryset=Deliverable.objects.select_related("owner")),
            Prefetch(
                "payment_blocks",
                queryset=PaymentBlock.objects.prefetch_related("deliverables").select_related(
                    "approved_by"
                ),
            ),
            "variations__decision",
            "hub_contacts",
            "partner_contacts",
        )
        .filter(pk=pk)
        .first()
    )
    if contract is None:
        raise Http404("No such contract")
    return contract


@dataclass(frozen=True)
class Spend:
    value: Decimal
    paid: Decimal
    approved: Decimal
    remaining: Decimal

    @property
    def paid_percent(self) -> int:
        return int(self.paid * 100 / self.value) if self.value else 0


def contract_spend(contract: Contract) -> Spend:
    """Spend to date against the contract's value (from its prefetched blocks)."""
    blocks = list(contract.payment_blocks.all())
    paid = sum((b.amount_gbp for b in blocks if b.paid_on), Decimal("0"))
    approved = sum((b.amount_gbp for b in blocks if b.approved_at and not b.paid_on), Decimal("0"))
    return Spend(contract.value_gbp, paid, approved, contract.value_gbp - paid)


def block_waiting_for(block: PaymentBlock) -> list[Deliverable]:
    """The deliverables of a block that are not accepted yet (from prefetched rows)."""
    return [d for d in block.deliverables.all() if d.status != DeliverableStatus.ACCEPTED]


def block_get_for_user(*, user: "AnyUser | None", pk: int) -> PaymentBlock:
    block = (
        PaymentBlock.objects.select_related("contract")
        .prefetch_related("deliverables")
        .filter(contract__in=contract_list_for_user(user=user), pk=pk)
        .first()
    )
    if block is None:
        raise Http404("No such payment block")
    return block


def deliverable_get_for_user(
    *, user: "AnyUser | None", contract_pk: int, number: int
) -> Deliverable:
    deliverable = (
        Deliverable.objects.select_related("contract", "owner", "decided_by")
        .prefetch_related(
            Prefetch("evidence", queryset=EvidenceLink.objects.select_related("added_by"))
        )
        .filter(
            contract__in=contract_list_for_user(user=user), contract_id=contract_pk, number=number
        )
        .first()
    )
    if deliverable is None:
        raise Http404("No such deliverable")
    return deliverable


def hub_path_is_valid(path: str) -> bool:
    """A path of this site's pages (not the API, not another site)."""
    if not path.startswith("/") or path.startswith("//") or path.startswith("/api/"):
        return False
    path = path.split("?", 1)[0].split("#", 1)[0]
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if match.url_name == "wagtail_serve":
        # Wagtail's pages answer every other path: the page must exist and be live.
        return path == "/" or Page.objects.live().filter(url_path__endswith=path).exists()
    return True


# --- audit ------------------------------------------------------------------------------


def audit_list(*, contract: Contract | None = None) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor")
    if contract is not None:
        entries = entries.filter(
            Q(contract=contract) | Q(object_type="decision", object_id=contract.decision_id)
        )
    return entries


# --- transparency -----------------------------------------------------------------------

# The Local Government Transparency Code 2015, paragraph 43 (contracts over £5,000) and
# paragraph 32 (expenditure exceeding £500): the columns as the Code names them.
CONTRACT_COLUMNS = [
    "Reference number",
    "Title of agreement",
    "Local authority department responsible",
    "Description of the goods and/or services being provided",
    "Supplier name and details",
    "Sum to be paid over the length of the contract or the estimated annual spending or budget for the contract",  # noqa: E501 - the Code's words
    "Value Added Tax that cannot be recovered",
    "Start, end and review dates",
    "Whether or not the contract was the result of an invitation to quote or a published invitation to tender",  # noqa: E501 - the Code's words
    "Whether or not the supplier is a small or medium sized enterprise and/or a voluntary or community sector organisation and where it is, provide relevant registration number",  # noqa: E501 - the Code's words
]
SPEND_COLUMNS = [
    "Date the expenditure was incurred",
    "Local authority department which incurred the expenditure",
    "Beneficiary",
    "Summary of the purpose of the expenditure",
    "Amount",
    "Non-recoverable VAT",
    "Merchant category",
]
CONTRACTS_OVER = Decimal("5000")
SPEND_OVER = Decimal("500")


def _supplier_status(contract: Contract) -> str:
    supplier = contract.supplier
    kinds = [k for k, on in (("SME", supplier.is_sme), ("VCSE", supplier.is_vcse)) if on]
    if not kinds:
        return "No"
    numbers = [
        f"{label} {number}"
        for label, number in (
            ("Company", supplier.company_number),
            ("Charity", supplier.charity_number),
        )
        if number
    ]
    return " and ".join(kinds) + (f": {', '.join(numbers)}" if numbers else "")


def contracts_register_rows() -> list[list[object]]:
    """The Code's contracts register: every contract over £5,000."""
    rows: list[list[object]] = []
    contracts = Contract.objects.select_related("supplier").filter(value_gbp__gt=CONTRACTS_OVER)
    for c in contracts.order_by("starts_on", "id"):
        details = ", ".join(
            part
            for part in (
                c.supplier.name,
                c.supplier.address,
                c.supplier.company_number and f"company {c.supplier.company_number}",
            )
            if part
        )
        review = f", review {c.review_on:%d/%m/%Y}" if c.review_on else ""
        rows.append(
            [
                c.reference,
                c.title,
                c.department,
                c.description,
                details,
                f"{c.value_gbp:.2f}",
                f"{c.non_recoverable_vat_gbp:.2f}",
                f"start {c.starts_on:%d/%m/%Y}, end {c.ends_on:%d/%m/%Y}{review}",
                "Yes" if c.was_tendered else "No",
                _supplier_status(c),
            ]
        )
    return rows


def spend_rows(*, paid_from: date | None = None, paid_to: date | None = None) -> list[list[object]]:
    """The Code's spend over £500: every paid payment block over £500 (paid between the
    two dates, both included, when given)."""
    blocks = (
        PaymentBlock.objects.select_related("contract__supplier")
        .filter(paid_on__isnull=False, amount_gbp__gt=SPEND_OVER)
        .order_by("paid_on", "id")
    )
    if paid_from is not None:
        blocks = blocks.filter(paid_on__gte=paid_from)
    if paid_to is not None:
        blocks = blocks.filter(paid_on__lte=paid_to)
    return [
        [
            f"{b.paid_on:%d/%m/%Y}",
            b.contract.department,
            b.contract.supplier.name,
            f"{b.contract.title}: payment block {b.number}",
            f"{b.amount_gbp:.2f}",
            "0.00",
            "Consultancy and professional services",
        ]
        for b in blocks
    ]


def transparency_files() -> QuerySet[TransparencyFile]:
    return TransparencyFile.objects.defer("content")


def transparency_file_get(*, pk: int) -> TransparencyFile:
    row = TransparencyFile.objects.filter(pk=pk).first()
    if row is None:
        raise Http404("No such file")
    return row


# --- evidence from the hub's own records, and handover readiness ------------------------


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    met: bool | None = None


NOT_AVAILABLE = "Not available yet"
PILOTS_BY = date(2017, 6, 1)  # the decision: 3 pilots before June 2017


def _lab_figures() -> dict[str, Figure]:
    plan = lab_selectors.lab_plan()
    indicators = plan["indicators"]
    assert isinstance(indicators, list)  # noqa: S101  # lab_plan's shape
    on_track = sum(1 for row in indicators if row["on_track"])
    counts = Referral.objects.exclude(reference__isnull=True).aggregate(
        received=Count("id"), decided=Count("id", filter=Q(decided_at__isnull=False))
    )
    return {
        "lab-plan": Figure(
            "Lab plan and its sustainability indicators",
            f"{'Published' if plan['plan'] else 'Not published'}; "
            f"{on_track} of {len(indicators)} indicators on track",
            bool(plan["plan"]) and bool(indicators),
        ),
        "referrals": Figure(
            "Referrals and challenges",
            f"{counts['received']} referrals received, {counts['decided']} decided; "
            f"{Challenge.objects.filter(is_published=True).count()} public challenges",
        ),
    }


def _initiative_figures() -> dict[str, Figure]:
    scales = set(Initiative.objects.values_list("scale", flat=True).distinct())
    early = Pilot.objects.filter(starts_on__lt=PILOTS_BY)
    pilots = early.count()
    # Through the reverse relation's name, so the figure holds whatever the model is called.
    trained = early.filter(training_needs__isnull=False).distinct().count()
    return {
        "prototype": Figure(
            "Service-design prototypes and the spectrum of initiatives",
            f"{Prototype.objects.count()} prototypes; initiatives at {len(scales)} of 4 scales "
            "of change",
            len(scales) == 4,
        ),
        "pilots": Figure(
            "Pilots started before June 2017, with their training needs",
            f"{pilots} of 3 pilots; {trained} with training needs recorded",
            pilots >= 3,
        ),
    }


AMBASSADOR_PATHWAY = "improvement-ambassador"


def _ambassadors() -> tuple[int, int] | None:
    """(people on the ambassador pathway, people who finished it), from the Academy."""
    pathway = academy_selectors.pathway_list_all().filter(slug=AMBASSADOR_PATHWAY).first()
    if pathway is None:
        return None
    rows = academy_selectors.pathway_progress_people(pathway=pathway)
    return len(rows), sum(1 for row in rows if row.steps and row.done == row.steps)


def _academy_figures() -> dict[str, Figure]:
    ambassadors = _ambassadors()
    if ambassadors is None:
        return {}
    started, finished = ambassadors
    visits = academy_selectors.learning_visit_list().count()
    return {
        "academy": Figure(
            "Ambassador pathway progress and learning visits",
            f"{started} people on the ambassador pathway, {finished} finished; "
            f"{visits} learning visits",
            finished > 0 and visits >= 2,
        )
    }


def _move_plan() -> tuple[int, int, str] | None:
    """(steps done, steps, the space moved into), from the spaces' move plan."""
    plan = spaces_selectors.move_plan_current()
    if plan is None:
        return None
    steps = list(plan.steps.all())
    return sum(1 for step in steps if step.done_on), len(steps), str(plan.to_space)


def _spaces_figures() -> dict[str, Figure]:
    move = _move_plan()
    if move is None:
        return {}
    done, steps, to_space = move
    first, last = spaces_selectors.utilisation_range("", "")
    used = spaces_selectors.utilisation(period="month", first=first, last=last).by_provider
    share = "; ".join(f"{name} {percent:g}% used" for name, _open, _booked, percent in used)
    return {
        "spaces": Figure(
            "Spaces, the move plan and utilisation",
            f"Move into {to_space}: {done} of {steps} steps done"
            + (f"; last 13 weeks: {share}" if share else ""),
            steps > 0 and done == steps,
        )
    }


FIGURE_CHOICES = [
    ("lab-plan", "Lab plan and its sustainability indicators"),
    ("referrals", "Referrals and challenges"),
    ("prototype", "Service-design prototypes and the spectrum of initiatives"),
    ("pilots", "Pilots and their training readiness"),
    ("academy", "Ambassador pathway progress and learning visits"),
    ("spaces", "Spaces, the move plan and utilisation"),
]


def hub_figures() -> dict[str, Figure]:
    """Figures from the other strands' records, computed now. A strand not built yet
    says so instead of failing."""
    figures = {
        **_lab_figures(),
        **_initiative_figures(),
        **_academy_figures(),
        **_spaces_figures(),
    }
    for key, label in FIGURE_CHOICES:
        figures.setdefault(key, Figure(label, NOT_AVAILABLE))
    return figures


@dataclass(frozen=True)
class ReadinessItem:
    name: str
    figure: str
    met: bool | None


def handover_get(*, contract: Contract) -> HandoverPlan | None:
    return (
        HandoverPlan.objects.select_related("signed_off_by")
        .prefetch_related("running_costs")
        .filter(contract=contract)
        .first()
    )


def handover_readiness(*, plan: HandoverPlan) -> list[ReadinessItem]:
    """Each readiness item met or not, with its figure from the hub's own records."""
    today = timezone.localdate()
    ambassadors = _ambassadors()
    facilitators = "Facilitators trained (Change Academy records)"
    if ambassadors is None:
        items = [ReadinessItem(facilitators, NOT_AVAILABLE, None)]
    else:
        finished = ambassadors[1]
        items = [
            ReadinessItem(
                facilitators,
                f"{finished} of {plan.facilitators_target} finished the ambassador pathway",
                finished >= plan.facilitators_target,
            )
        ]
    move = _move_plan()
    hosted = "The lab hosted in council buildings (the move plan)"
    if move is None:
        items.append(ReadinessItem(hosted, NOT_AVAILABLE, None))
    else:
        done, steps, to_space = move
        items.append(
            ReadinessItem(
                hosted,
                f"Move into {to_space}: {done} of {steps} steps done",
                steps > 0 and done == steps,
            )
        )
    if plan.triage_alone_since:
        weeks = (today - plan.triage_alone_since).days // 7
        since = plan.triage_alone_since
        late = (
            Referral.objects.filter(received_at__date__gte=since)
            .filter(
                Q(decided_at__isnull=False, decided_at__date__gt=F("decide_by"))
                | Q(decided_at__isnull=True, decide_by__lt=today)
            )
            .count()
        )
        items.append(
            ReadinessItem(
                "The Hub Team runs triage alone within its working-day targets",
                f"{weeks} of {plan.triage_weeks_target} weeks; {late} referrals decided late",
                weeks >= plan.triage_weeks_target and late == 0,
            )
        )
    else:
        items.append(
            ReadinessItem(
                "The Hub Team runs triage alone within its working-day targets",
                "Not started",
                False,
            )
        )
    owners = [o for o in (plan.methods_owner, plan.plan_owner) if o]
    items.append(
        ReadinessItem(
            "Methods and the lab plan owned by named officers",
            ", ".join(owners) if owners else "No owners named",
            bool(plan.methods_owner and plan.plan_owner),
        )
    )
    costs = list(plan.running_costs.all())
    spend = sum((c.amount_gbp for c in costs if c.kind != "income"), Decimal("0"))
    income = sum((c.amount_gbp for c in costs if c.kind == "income"), Decimal("0"))
    items.append(
        ReadinessItem(
            "Running costs for next year funded within the budget",
            f"Costs £{spend:,.0f}, external income £{income:,.0f}, "
            f"budget £{plan.next_year_budget_gbp:,.0f}",
            bool(costs) and spend - income <= plan.next_year_budget_gbp,
        )
    )
    return items


# --- the work list (cms.work) -------------------------------------------------------------


def deliverable_list_submitted() -> QuerySet[Deliverable]:
    """Deliverables the partner has submitted and the Hub Team has yet to accept or reject,
    oldest due first."""
    return (
        Deliverable.objects.filter(status=DeliverableStatus.SUBMITTED)
        .select_related("contract")
        .order_by("due_on", "pk")
    )


def block_list_ready_for_approval() -> QuerySet[PaymentBlock]:
    """Payment blocks not yet approved whose deliverables are all accepted (Leadership's to
    approve), by contract and number."""
    open_tasks = Count("deliverables", filter=~Q(deliverables__status=DeliverableStatus.ACCEPTED))
    return (
        PaymentBlock.objects.filter(approved_at__isnull=True)
        .annotate(open_tasks=open_tasks)
        .filter(open_tasks=0)
        .select_related("contract")
        .order_by("contract", "number")
    )


def deliverable_owner_choices(*, contract: Contract) -> "QuerySet[User]":
    """Who may own a task: the Hub Team and the contract's partner contacts, active."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=str(Role.HUB_TEAM)) | Q(pk__in=contract.partner_contacts.all()))
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


# --- adding and varying contracts, the handover plan, publishing quarters ----------------


def _people_with_role(role: Role) -> "QuerySet[User]":
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=str(role))
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


def hub_contact_choices() -> "QuerySet[User]":
    """Who may be a contract's Hub Team contact: active people in the Hub Team."""
    return _people_with_role(Role.HUB_TEAM)


def partner_contact_choices() -> "QuerySet[User]":
    """Who may be a contract's partner contact: active people with the Partner role."""
    return _people_with_role(Role.PARTNER)


def supplier_choices() -> QuerySet[Supplier]:
    return Supplier.objects.order_by("name", "pk")


def decision_choices_for_contract() -> QuerySet[Decision]:
    """Signed (or published) decisions a new contract may rest on."""
    return (
        Decision.objects.filter(state__in=[DecisionState.SIGNED, DecisionState.PUBLISHED])
        .filter(variation__isnull=True)
        .order_by("-signed_on", "-pk")
    )


def decision_choices_for_variation(*, contract: Contract) -> QuerySet[Decision]:
    """Signed decisions a variation of ``contract`` may rest on: not its own decision, not
    one another variation rests on, not one another contract rests on."""
    return (
        decision_choices_for_contract()
        .exclude(pk=contract.decision_id)
        .filter(contracts__isnull=True)
    )


def running_cost_get(*, plan: HandoverPlan, pk: int) -> RunningCost:
    """A line of ``plan``'s running costs; 404 when it is another plan's or gone."""
    cost = RunningCost.objects.select_related("plan__contract").filter(plan=plan, pk=pk).first()
    if cost is None:
        raise Http404("No such line")
    return cost


def deliverable_get_by_id_for_user(*, user: "AnyUser | None", pk: int) -> Deliverable:
    """A task by its id (the API); 404 when missing or its contract is not the user's."""
    deliverable = (
        Deliverable.objects.select_related("contract")
        .filter(contract__in=contract_list_for_user(user=user), pk=pk)
        .first()
    )
    if deliverable is None:
        raise Http404("No such deliverable")
    return deliverable


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_label(quarter: str) -> str:
    year, number = quarter.split("-Q")
    months = ["January to March", "April to June", "July to September", "October to December"]
    return f"{months[int(number) - 1]} {year}"


def quarters_ended(*, limit: int = 40) -> list[str]:
    """The quarters that have ended, newest first, back to the first contract's start (or
    the last quarter alone when there is no contract), at most ``limit``."""
    today = timezone.localdate()
    first = Contract.objects.order_by("starts_on").values_list("starts_on", flat=True).first()
    year, number = today.year, (today.month - 1) // 3 + 1
    quarters: list[str] = []
    while len(quarters) < limit:
        number -= 1
        if number == 0:
            year, number = year - 1, 4
        quarters.append(f"{year}-Q{number}")
        if first is None or quarters[-1] <= quarter_of(first):
            break
    return quarters


@dataclass(frozen=True)
class QuarterPreview:
    quarter: str
    label: str
    contracts: list[list[object]]
    spend: list[list[object]]
    published: list[TransparencyFile]


def transparency_preview(*, quarter: str, first: date, last: date) -> QuarterPreview:
    """What publishing ``quarter`` would keep: the contracts register as it stands and the
    spend over £500 paid from ``first`` to ``last``; and the files if already published."""
    return QuarterPreview(
        quarter=quarter,
        label=quarter_label(quarter),
        contracts=contracts_register_rows(),
        spend=spend_rows(paid_from=first, paid_to=last),
        published=list(transparency_files().filter(quarter=quarter)),
    )
