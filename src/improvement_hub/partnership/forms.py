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
    Decision,
    Delegation,
    DeliverableStatus,
    EvidenceKind,
    RunningCost,
    Supplier,
)
from improvement_hub.partnership.rules import ROUTE_LABELS, Route
from improvement_hub.partnership.services import DecisionData, SupplierData

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


class DeliverableStatusForm(GovUKFormMixin, forms.Form):
    """A task's move: submitted (the partner), accepted or rejected with a reason (the Hub
    Team). The API binds it as it is; the page's review and submit buttons bind it too."""

    status = forms.ChoiceField(
        label="Status",
        choices=[
            (DeliverableStatus.SUBMITTED.value, "Submitted"),
            (DeliverableStatus.ACCEPTED.value, "Accepted"),
            (DeliverableStatus.REJECTED.value, "Rejected"),
        ],
    )
    reason = forms.CharField(
        label="Reason (needed to reject)",
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].error_messages["invalid_choice"] = (
            "Select submitted, accepted or rejected"
        )

    def clean_reason(self) -> str:
        return str(self.cleaned_data["reason"]).strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == DeliverableStatus.REJECTED and not data.get("reason"):
            self.add_error("reason", "Enter the reason the task is not accepted")
        return data


class ReviewForm(DeliverableStatusForm):
    """The Hub Team's half on the task's page: accept, or reject with a reason."""

    status = forms.ChoiceField(
        label="Is the task accepted?",
        choices=[
            (DeliverableStatus.ACCEPTED.value, "Accept"),
            (DeliverableStatus.REJECTED.value, "Reject"),
        ],
        widget=forms.RadioSelect,
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


DATE_HINT = "For example, 1/12/2016"


def _date(label: str, *, required: bool = True, hint: str = DATE_HINT) -> forms.DateField:
    field = forms.DateField(label=label, help_text=hint, required=required)
    name, example = label.removesuffix(" (optional)"), hint.removeprefix("For example, ")
    field.error_messages["invalid"] = f"{name} must be a real date, like {example}"
    return field


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class ContractForm(GovUKFormMixin, forms.Form):
    """A new contract (the Hub Team): the supplier, its value and term, the signed decision
    it rests on and the contacts on both sides."""

    reference = forms.CharField(
        label="Reference", max_length=40, help_text="For example, IH-2016-001"
    )
    title = forms.CharField(label="Title", max_length=TITLE_MAX)
    description = forms.CharField(
        label="Description (optional)", max_length=SHORT_MAX, required=False, widget=forms.Textarea
    )
    decision = forms.ModelChoiceField(
        label="The signed decision it rests on",
        queryset=Decision.objects.none(),
        empty_label="Choose a decision",
    )
    supplier = forms.ModelChoiceField(
        label="Supplier (if already known)",
        queryset=Supplier.objects.none(),
        required=False,
        empty_label="A new supplier (enter it below)",
    )
    supplier_name = forms.CharField(
        label="New supplier's name (optional)", max_length=TITLE_MAX, required=False
    )
    company_number = forms.CharField(
        label="Company number (optional)", max_length=20, required=False
    )
    charity_number = forms.CharField(
        label="Charity number (optional)", max_length=20, required=False
    )
    is_sme = forms.BooleanField(label="A small or medium-sized enterprise (SME)", required=False)
    is_vcse = forms.BooleanField(
        label="A voluntary, community or social enterprise (VCSE)", required=False
    )
    value_gbp = _money(
        "Value in pounds", help_text="Up to £150,000, and no more than the decision allows"
    )
    starts_on = _date("Start date")
    ends_on = _date("End date", hint="For example, 30/11/2017")
    hub_contacts = PeopleField(
        label="Hub Team contacts (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partner_contacts = PeopleField(
        label="Partner contacts (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        cast(
            forms.ModelChoiceField, fields["decision"]
        ).queryset = selectors.decision_choices_for_contract()
        fields["decision"].error_messages["invalid_choice"] = (
            "Select a signed decision from the list"
        )
        cast(forms.ModelChoiceField, fields["supplier"]).queryset = selectors.supplier_choices()
        fields["supplier"].error_messages["invalid_choice"] = "Select a supplier from the list"
        cast(PeopleField, fields["hub_contacts"]).queryset = selectors.hub_contact_choices()
        cast(PeopleField, fields["partner_contacts"]).queryset = selectors.partner_contact_choices()
        for name in ("hub_contacts", "partner_contacts"):
            fields[name].error_messages["invalid_choice"] = "Select people from the list"
            fields[name].error_messages["invalid_pk_value"] = "Select people from the list"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "supplier" in data and not data.get("supplier") and not data.get("supplier_name"):
            self.add_error("supplier", "Select a supplier, or enter the name of a new one")
        if data.get("supplier") and data.get("supplier_name"):
            self.add_error(
                "supplier_name", "Leave the new supplier's name empty when you select a supplier"
            )
        return data

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        new = None
        if not data["supplier"]:
            new = SupplierData(
                name=data["supplier_name"],
                company_number=data["company_number"],
                charity_number=data["charity_number"],
                is_sme=data["is_sme"],
                is_vcse=data["is_vcse"],
            )
        for name in ("supplier_name", "company_number", "charity_number", "is_sme", "is_vcse"):
            data.pop(name)
        return {**data, "new_supplier": new}


class VariationForm(GovUKFormMixin, forms.Form):
    """A variation: what changes, resting on a new signed decision of its own."""

    decision = forms.ModelChoiceField(
        label="The new signed decision it rests on",
        queryset=Decision.objects.none(),
        empty_label="Choose a decision",
    )
    summary = forms.CharField(
        label="What the variation changes",
        help_text="The value, the term or the tasks, and why",
        max_length=SHORT_MAX,
        widget=forms.Textarea,
    )
    value_gbp = _money("New value in pounds (optional)", required=False)
    ends_on = _date("New end date (optional)", required=False, hint="For example, 31/3/2018")

    def __init__(self, *args: Any, contract: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["decision"])
        field.queryset = selectors.decision_choices_for_variation(contract=contract)
        field.error_messages["required"] = (
            "Select the new signed decision the variation rests on: a variation needs one"
        )
        field.error_messages["invalid_choice"] = (
            "Select a new signed decision from the list: a variation needs one of its own"
        )

    def clean_summary(self) -> str:
        return str(self.cleaned_data["summary"]).strip()


class HandoverPlanForm(GovUKFormMixin, forms.Form):
    """What "self-sustaining" means for the contract, and next year's budget."""

    facilitators_target = forms.IntegerField(
        label="Facilitators to be trained", min_value=0, max_value=1000
    )
    triage_weeks_target = forms.IntegerField(
        label="Weeks the Hub Team run triage alone", min_value=0, max_value=520
    )
    triage_alone_since = _date(
        "The Hub Team run triage alone since (optional)",
        required=False,
        hint="For example, 1/9/2017",
    )
    methods_owner = forms.CharField(
        label="Officer who owns the methods (optional)", max_length=150, required=False
    )
    plan_owner = forms.CharField(
        label="Officer who owns the lab plan (optional)", max_length=150, required=False
    )
    next_year_budget_gbp = forms.DecimalField(
        label="Next year's budget in pounds",
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=MAX_GBP,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        budget = self.fields["next_year_budget_gbp"]
        budget.error_messages.update(
            {
                "invalid": "Next year's budget must be an amount in pounds, like 45000",
                "min_value": "Next year's budget must be £0 or more",
                "max_value": "Next year's budget is too large",
                "max_digits": "Next year's budget is too large",
                "max_whole_digits": "Next year's budget is too large",
                "max_decimal_places": "Next year's budget must have no more than 2 decimal places",
            }
        )
        for name, label in (
            ("facilitators_target", "Facilitators to be trained"),
            ("triage_weeks_target", "Weeks the Hub Team run triage alone"),
        ):
            self.fields[name].error_messages.update(
                {
                    "invalid": f"{label} must be a whole number, like 6",
                    "min_value": f"{label} must be 0 or more",
                    "max_value": f"{label} is too large",
                }
            )


class RunningCostForm(GovUKFormMixin, forms.Form):
    """A line of next year's running costs or funding."""

    kind = forms.ChoiceField(
        label="What is it?", choices=RunningCost.Kind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(label="Description", max_length=TITLE_MAX)
    budget_line = forms.CharField(
        label="Budget line (optional)",
        max_length=60,
        required=False,
        help_text="For example, HR-LAB-01",
    )
    amount_gbp = _money("Amount in pounds for the year")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = "Select what the line is"
        self.fields["kind"].error_messages["invalid_choice"] = "Select what the line is"


class PublishQuarterForm(GovUKFormMixin, forms.Form):
    """The quarter to publish: one that has ended."""

    quarter = forms.ChoiceField(label="Quarter")

    def __init__(self, *args: Any, quarters: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["quarter"]).choices = quarters
        self.fields["quarter"].error_messages["invalid_choice"] = (
            "Select a quarter that has ended from the list"
        )
