"""The partnership app's input boundary: each form is bound by its page and its endpoint."""

from decimal import Decimal
from typing import Any, cast

from django import forms

from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.partnership import evidence, selectors
from improvement_hub.partnership.models import (
    SHORT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Delegation,
    EvidenceKind,
)
from improvement_hub.partnership.rules import ROUTE_LABELS, Route
from improvement_hub.partnership.services import DecisionData

MAX_GBP = Decimal("9999999999.99")
PUBLIC, PRIVATE = "public", "private"


def _money(label: str, **kwargs: Any) -> forms.DecimalField:
    field = forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=MAX_GBP,
        **kwargs,
    )
    field.error_messages.update(
        {
            "invalid": f"{label} must be an amount in pounds, like 150000 or 9999.99",
            "min_value": f"{label} must be more than £0",
            "max_value": f"{label} is too large",
            "max_decimal_places": f"{label} must have no more than 2 decimal places",
            "max_digits": f"{label} is too large",
            "max_whole_digits": f"{label} is too large",
        }
    )
    return field


class DecisionForm(GovUKFormMixin, forms.Form):
    """The officer decision form. The API sends the first six answers; the page all of them."""

    subject = forms.CharField(label="Subject", max_length=TITLE_MAX)
    decision_maker = forms.CharField(
        label="Name of the officer taking the decision", max_length=150
    )
    delegation = forms.ModelChoiceField(
        label="Delegation used", queryset=Delegation.objects.none(), to_field_name="slug"
    )
    value_gbp = _money("Cost in pounds")
    route = forms.ChoiceField(label="Route", choices=[(r.value, ROUTE_LABELS[r]) for r in Route])
    outline = forms.CharField(
        label="Outline of the decision", max_length=TEXT_MAX, widget=forms.Textarea
    )
    decision_maker_title = forms.CharField(
        label="Officer's title (optional)", max_length=150, required=False
    )
    deputising_for = forms.CharField(
        label="Deputising for (optional)",
        help_text="If the officer is deputising, the name of the officer they deputise for",
        max_length=150,
        required=False,
    )
    districts = forms.CharField(
        label="Districts or wards (optional)", max_length=TITLE_MAX, required=False
    )
    reasons = forms.CharField(
        label="Reason for the decision (optional)",
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea,
    )
    visibility = forms.ChoiceField(
        label="Public or private",
        choices=[(PUBLIC, "Public"), (PRIVATE, "Private")],
        required=False,
        widget=forms.RadioSelect,
        initial=PUBLIC,
    )
    exempt_paragraph = forms.CharField(
        label="Exempt information paragraph, or why private (optional)",
        max_length=TITLE_MAX,
        required=False,
    )
    cost_note = forms.CharField(label="Cost notes (optional)", max_length=TITLE_MAX, required=False)
    budget_code = forms.CharField(label="Budget code (optional)", max_length=60, required=False)
    advertised_days = forms.IntegerField(
        label="Days advertised for quotations (optional)",
        min_value=0,
        max_value=365,
        required=False,
    )
    direct_approaches = forms.IntegerField(
        label="Contractors approached directly (optional)",
        min_value=0,
        max_value=100,
        required=False,
    )
    single_quote_reason = forms.CharField(
        label="Why 3 quotations could not be secured (optional)",
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea,
    )
    exemption_justification = forms.CharField(
        label="Justification for an exemption (optional)",
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea,
    )
    consultation = forms.CharField(
        label="Consultation undertaken (optional)",
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = selectors.delegation_list_in_force()  # type: ignore[attr-defined]  # a ModelChoiceField

    def decision_data(self) -> DecisionData:
        data = self.cleaned_data
        return DecisionData(
            subject=data["subject"],
            decision_maker=data["decision_maker"],
            delegation=data["delegation"],
            value_gbp=data["value_gbp"],
            route=data["route"],
            outline=data["outline"],
            decision_maker_title=data["decision_maker_title"],
            deputising_for=data["deputising_for"],
            districts=data["districts"] or "All wards",
            reasons=data["reasons"],
            is_public=data["visibility"] != PRIVATE,
            exempt_paragraph=data["exempt_paragraph"],
            cost_note=data["cost_note"],
            budget_code=data["budget_code"],
            advertised_days=data["advertised_days"],
            direct_approaches=data["direct_approaches"] or 0,
            single_quote_reason=data["single_quote_reason"],
            exemption_justification=data["exemption_justification"],
            consultation=data["consultation"],
        )


class QuotationForm(GovUKFormMixin, forms.Form):
    supplier = forms.CharField(label="Supplier", max_length=TITLE_MAX)
    amount_gbp = _money("Amount in pounds")
    received_on = forms.DateField(label="Date received", help_text="For example, 27/3/2017")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_on"].error_messages["invalid"] = (
            "Date received must be a real date, like 27/3/2017"
        )


class EvidenceForm(GovUKFormMixin, forms.Form):
    """Evidence for a task: a page of the hub, one of its figures, or a document."""

    kind = forms.ChoiceField(
        label="What is the evidence?", choices=EvidenceKind.choices, widget=forms.RadioSelect
    )
    label = forms.CharField(label="Describe the evidence", max_length=TITLE_MAX)
    path = forms.CharField(
        label="Address of the hub page (if a page)",
        help_text="For example, /lab/plan/",
        max_length=500,
        required=False,
    )
    figure = forms.ChoiceField(
        label="Figure (if a figure)",
        choices=[("", "Choose a figure"), *selectors.FIGURE_CHOICES],
        required=False,
    )
    document = forms.FileField(label="Document (if a document)", required=False)

    def clean_path(self) -> str:
        return str(self.cleaned_data["path"]).strip()

    def clean_document(self) -> Any:
        document = self.cleaned_data.get("document")
        if document is not None:
            evidence.document_check(document)
        return document

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == EvidenceKind.PAGE and not data.get("path"):
            self.add_error("path", "Enter the address of the hub page")
        if kind == EvidenceKind.FIGURE and not data.get("figure"):
            self.add_error("figure", "Select a figure")
        if kind == EvidenceKind.DOCUMENT and not data.get("document"):
            self.add_error("document", "Select a document")
        return data


ACCEPT, REJECT = "accept", "reject"


class ReviewForm(GovUKFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label="Is the task accepted?",
        choices=[(ACCEPT, "Accept"), (REJECT, "Reject")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason (needed to reject)",
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea,
    )


class InvoiceForm(GovUKFormMixin, forms.Form):
    invoice_number = forms.CharField(label="Invoice number", max_length=60)
    invoice_on = forms.DateField(label="Invoice date", help_text="For example, 27/3/2017")
    invoice_gbp = _money("Invoice amount in pounds")


class PaidForm(GovUKFormMixin, forms.Form):
    paid_on = forms.DateField(label="Date paid", help_text="For example, 27/3/2017")


class SignOffForm(GovUKFormMixin, forms.Form):
    note = forms.CharField(
        label="Note (optional)", max_length=SHORT_MAX, required=False, widget=forms.Textarea
    )


class OwnerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class DeliverableForm(GovUKFormMixin, forms.Form):
    """A task's acceptance criteria, due date and owner (the Hub Team)."""

    acceptance_criteria = forms.CharField(
        label="Acceptance criteria", max_length=SHORT_MAX, widget=forms.Textarea
    )
    due_on = forms.DateField(label="Due date", help_text="For example, 31/5/2017")
    owner = OwnerField(label="Owner", queryset=None, required=False, empty_label="Nobody")

    def __init__(self, *args: Any, contract: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_on"].error_messages["invalid"] = (
            "Due date must be a real date, like 31/5/2017"
        )
        owner = cast(OwnerField, self.fields["owner"])
        owner.queryset = selectors.deliverable_owner_choices(contract=contract)
        owner.error_messages["invalid_choice"] = "Select the Hub Team or the partner's contact"
