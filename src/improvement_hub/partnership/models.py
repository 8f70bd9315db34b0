"""Partnership and governance: decisions under delegated authority and the rules they
follow, the partner's contract, its deliverables and payment blocks, and the audit trail."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from improvement_hub.council.models import Organisation
from improvement_hub.partnership.rules import ROUTE_LABELS, Route

TITLE_MAX = 200
SHORT_MAX = 2_000
TEXT_MAX = 10_000


def money_field(verbose_name: str | None = None, **kwargs: Any) -> models.DecimalField[Any, Any]:
    """Pounds and pence, up to ten thousand million."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


ROUTE_CHOICES = [(route.value, ROUTE_LABELS[route]) for route in Route]


class ProcurementRules(models.Model):
    """The money limits of the standing orders and of the decision form, from a date on.
    The row in force on a day is the latest whose ``effective_from`` is on or before it."""

    effective_from = models.DateField(unique=True)
    quotations_below_gbp = money_field("written quotations below (£)", default=Decimal("10000"))
    eu_threshold_gbp = money_field("EU threshold (£)", default=Decimal("172514"))
    note = models.CharField(max_length=TITLE_MAX, blank=True)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = "standing-orders thresholds"
        verbose_name_plural = "standing-orders thresholds"
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    quotations_below_gbp__gt=0, eu_threshold_gbp__gt=F("quotations_below_gbp")
                ),
                name="partnership_rules_thresholds_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"Thresholds from {self.effective_from:%-d %B %Y}"


class Delegation(models.Model):
    """A delegation an officer may decide under: the value range and the routes it allows."""

    slug = models.SlugField(max_length=100)
    name = models.CharField(max_length=TITLE_MAX)
    min_gbp = money_field("from (£, inclusive)", default=Decimal("0"))
    max_gbp = money_field(
        "under (£, exclusive)",
        null=True,
        blank=True,
        help_text="Leave empty for no limit.",
    )
    routes = models.JSONField(default=list, help_text="Route slugs this delegation allows.")
    effective_from = models.DateField()
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["min_gbp", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "effective_from"], name="partnership_delegation_slug_date"
            ),
            models.CheckConstraint(
                condition=Q(min_gbp__gte=0)
                & (Q(max_gbp__isnull=True) | Q(max_gbp__gt=F("min_gbp"))),
                name="partnership_delegation_range_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        known = {route.value for route in Route}
        if not isinstance(self.routes, list) or not self.routes or not set(self.routes) <= known:
            raise ValidationError(
                {"routes": "Enter a list of routes from: " + ", ".join(sorted(known))}
            )


class OtherRoute(models.Model):
    """A band this form is not for, and the route that applies instead (for example
    Cabinet over £200k, or a procurement delegated decision from £172,514 to £2.5m)."""

    name = models.CharField("route that applies", max_length=TITLE_MAX)
    min_gbp = money_field("from (£, inclusive)")
    max_gbp = money_field("to (£, inclusive)", null=True, blank=True)
    only_route = models.CharField(
        "only for decisions using",
        max_length=40,
        choices=ROUTE_CHOICES,
        blank=True,
        help_text="Leave empty when the band applies whatever the route.",
    )
    effective_from = models.DateField()

    class Meta:
        ordering = ["min_gbp"]
        verbose_name = "route the form is not for"
        constraints = [
            models.CheckConstraint(
                condition=Q(max_gbp__isnull=True) | Q(max_gbp__gte=F("min_gbp")),
                name="partnership_otherroute_range_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DecisionState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    SIGNED = "signed", "Signed"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


SIGNED_STATES = (DecisionState.SIGNED, DecisionState.PUBLISHED)


class DecisionQuerySet(models.QuerySet["Decision"]):
    def published(self) -> "DecisionQuerySet":
        return self.filter(state=DecisionState.PUBLISHED)


class Decision(models.Model):
    """An officer decision under delegated authority, laid out like the decision form.

    Once signed its content never changes: a database trigger refuses it (migration 0002)
    and the services say why; a correction is a new version that links the old."""

    subject = models.CharField(max_length=TITLE_MAX)
    districts = models.CharField("districts or wards", max_length=TITLE_MAX, default="All wards")
    decision_maker = models.CharField("name of the officer taking the decision", max_length=150)
    decision_maker_title = models.CharField("officer's title", max_length=150, blank=True)
    deputising_for = models.CharField("deputising for (if deputising)", max_length=150, blank=True)
    outline = models.TextField("outline of the decision", max_length=TEXT_MAX)
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="decisions")
    route = models.CharField(max_length=40, choices=ROUTE_CHOICES)
    reasons = models.TextField("reason for the decision", max_length=SHORT_MAX, blank=True)
    is_public = models.BooleanField(default=True)
    exempt_paragraph = models.CharField(
        "exempt information paragraph or why private", max_length=TITLE_MAX, blank=True
    )
    value_gbp = money_field("cost (£)", validators=[MinValueValidator(Decimal("0.01"))])
    cost_note = models.CharField("cost notes", max_length=TITLE_MAX, blank=True)
    budget_code = models.CharField(max_length=60, blank=True)
    advertised_days = models.PositiveSmallIntegerField(null=True, blank=True)
    direct_approaches = models.PositiveSmallIntegerField(default=0)
    single_quote_reason = models.CharField(max_length=SHORT_MAX, blank=True)
    exemption_justification = models.CharField(max_length=SHORT_MAX, blank=True)
    consultation = models.TextField(max_length=SHORT_MAX, blank=True)
    state = models.CharField(
        max_length=12, choices=DecisionState.choices, default=DecisionState.DRAFT
    )
    version = models.PositiveSmallIntegerField(default=1)
    corrects = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="correction"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_gbp__gt=0), name="partnership_decision_value_positive"
            ),
            models.CheckConstraint(
                condition=Q(route__in=[r.value for r in Route]),
                name="partnership_decision_route_valid",
            ),
            models.CheckConstraint(
                condition=Q(state__in=DecisionState.values), name="partnership_decision_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "submitted", "withdrawn"])
                | Q(signed_on__isnull=False),
                name="partnership_decision_signed_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_on__isnull=False, is_public=True),
                name="partnership_decision_published_is_public",
            ),
            models.CheckConstraint(
                condition=Q(is_public=True) | ~Q(exempt_paragraph=""),
                name="partnership_decision_private_says_why",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "-signed_on"], name="partnership_decision_reg_idx")
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("partnership:decision_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"DD-{self.pk:05d}" + (f" v{self.version}" if self.version > 1 else "")

    @property
    def is_signed(self) -> bool:
        return self.state in SIGNED_STATES

    def route_label(self) -> str:
        return ROUTE_LABELS.get(self.route, self.route)


class Quotation(models.Model):
    """A written quotation received for the standing orders."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="quotations")
    supplier = models.CharField(max_length=TITLE_MAX)
    amount_gbp = money_field(validators=[MinValueValidator(Decimal("0.01"))])
    received_on = models.DateField()

    class Meta:
        ordering = ["received_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_gbp__gt=0), name="partnership_quotation_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supplier}: £{self.amount_gbp:,}"


class Supplier(models.Model):
    """A supplier the council contracts with, with what the transparency code asks."""

    name = models.CharField(max_length=TITLE_MAX)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    company_number = models.CharField(max_length=20, blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    is_sme = models.BooleanField("small or medium-sized enterprise", default=False)
    is_vcse = models.BooleanField("voluntary, community or social enterprise", default=False)
    address = models.CharField(max_length=TITLE_MAX, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Contract(models.Model):
    """The partner's contract. Its value and term change only through a variation with a
    new decision; the blocks' amounts never add up to more than its value."""

    reference = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=TITLE_MAX)
    description = models.TextField(max_length=SHORT_MAX, blank=True)
    department = models.CharField(max_length=TITLE_MAX, default="Corporate Human Resources")
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="contracts")
    value_gbp = money_field("value (£)")
    blocks_total_gbp = money_field(default=Decimal("0"))
    non_recoverable_vat_gbp = money_field(default=Decimal("0"))
    starts_on = models.DateField()
    ends_on = models.DateField()
    review_on = models.DateField(null=True, blank=True)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="contracts")
    was_tendered = models.BooleanField("result of an invitation to quote or tender", default=False)
    hub_contacts = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    partner_contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="partner_contracts"
    )

    class Meta:
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_gbp__gt=0), name="partnership_contract_value_positive"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="partnership_contract_ends_after_start",
            ),
            # The sum of the payment blocks (kept here by the services, in the same
            # transaction as the blocks) never exceeds the contract's value.
            models.CheckConstraint(
                condition=Q(blocks_total_gbp__gte=0, blocks_total_gbp__lte=F("value_gbp")),
                name="partnership_contract_blocks_within_value",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnership:contract_detail", args=[self.pk])


class Variation(models.Model):
    """A change of value, term or deliverables, resting on its own signed decision."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="variations")
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="variation")
    summary = models.CharField(max_length=SHORT_MAX)
    value_gbp = money_field("new value (£)", null=True, blank=True)
    ends_on = models.DateField("new end date", null=True, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["made_at"]

    def __str__(self) -> str:
        return self.summary


class DeliverableStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Deliverable(models.Model):
    """One of the contract's tasks, with its acceptance criteria and evidence."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="deliverables")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=TITLE_MAX)
    acceptance_criteria = models.TextField(max_length=SHORT_MAX)
    due_on = models.DateField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=DeliverableStatus.choices, default=DeliverableStatus.NOT_STARTED
    )
    rejection_reason = models.TextField(max_length=SHORT_MAX, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["contract", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "number"], name="partnership_deliverable_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=DeliverableStatus.values),
                name="partnership_deliverable_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="partnership_deliverable_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Task {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("partnership:deliverable_detail", args=[self.contract_id, self.number])


class EvidenceKind(models.TextChoices):
    PAGE = "page", "A page of the hub"
    FIGURE = "figure", "A figure from the hub"
    DOCUMENT = "document", "An uploaded document"


class EvidenceLink(models.Model):
    """Evidence for a deliverable: a hub page (its path checked against the site's URLs),
    a figure computed from another strand's records, or an uploaded document."""

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    label = models.CharField(max_length=TITLE_MAX)
    path = models.CharField(max_length=500, blank=True)
    figure = models.CharField(max_length=40, blank=True)
    document = models.FileField(upload_to="partnership/evidence/%Y/", blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="page", path__startswith="/")
                | Q(kind="figure") & ~Q(figure="")
                | Q(kind="document") & ~Q(document=""),
                name="partnership_evidence_kind_has_target",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class PaymentBlock(models.Model):
    """A block of the contract's payment, due when its deliverables are accepted."""

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="payment_blocks")
    number = models.PositiveSmallIntegerField()
    amount_gbp = money_field()
    deliverables = models.ManyToManyField(Deliverable, blank=True, related_name="payment_blocks")
    due_on = models.DateField(null=True, blank=True)
    invoice_number = models.CharField(max_length=60, blank=True)
    invoice_on = models.DateField("invoice date", null=True, blank=True)
    invoice_gbp = money_field("invoice amount (£)", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["contract", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "number"], name="partnership_block_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(amount_gbp__gt=0), name="partnership_block_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(invoice_gbp__isnull=True) | Q(invoice_gbp__lte=F("amount_gbp")),
                name="partnership_block_invoice_within_amount",
            ),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True) | Q(approved_at__isnull=False),
                name="partnership_block_paid_after_approval",
            ),
        ]

    def __str__(self) -> str:
        return f"Block {self.number}"

    @property
    def status(self) -> str:
        if self.paid_on:
            return "paid"
        if self.approved_at:
            return "approved"
        if self.invoice_number:
            return "invoiced"
        return "not due"

    @property
    def status_label(self) -> str:
        return self.status.capitalize()


class AuditEntry(models.Model):
    """One changed field of a decision, contract, deliverable or payment block."""

    object_type = models.CharField(max_length=20)
    object_id = models.PositiveIntegerField()
    contract = models.ForeignKey(
        Contract, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    field = models.CharField(max_length=60)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="partnership_audit_obj_idx")
        ]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_id}: {self.field}"


class HandoverPlan(models.Model):
    """What "self-sustaining" means for this contract, and Leadership's sign-off."""

    contract = models.OneToOneField(Contract, on_delete=models.CASCADE, related_name="handover")
    facilitators_target = models.PositiveSmallIntegerField(default=6)
    triage_weeks_target = models.PositiveSmallIntegerField(default=8)
    triage_alone_since = models.DateField(null=True, blank=True)
    methods_owner = models.CharField(max_length=150, blank=True)
    plan_owner = models.CharField(max_length=150, blank=True)
    next_year_budget_gbp = money_field(default=Decimal("0"))
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    sign_off_note = models.TextField(max_length=SHORT_MAX, blank=True)

    def __str__(self) -> str:
        return f"Handover of {self.contract}"


class RunningCost(models.Model):
    """A line of the lab's running costs or funding for the year after the contract."""

    class Kind(models.TextChoices):
        STAFF = "staff", "Staff time"
        SPACE = "space", "Space"
        MATERIALS = "materials", "Materials"
        INCOME = "income", "External income"

    plan = models.ForeignKey(HandoverPlan, on_delete=models.CASCADE, related_name="running_costs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    description = models.CharField(max_length=TITLE_MAX)
    budget_line = models.CharField(max_length=60, blank=True)
    amount_gbp = money_field()

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.description


class TransparencyFile(models.Model):
    """A quarter's transparency CSV as published, kept unchanged."""

    class Kind(models.TextChoices):
        CONTRACTS = "contracts", "Contracts register"
        SPEND = "spend", "Spend over £500"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    quarter = models.CharField(max_length=7)  # 2017-Q1
    content = models.TextField()
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-quarter", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "quarter"], name="partnership_transparency_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.quarter}"
