"""The Hub Team's pages for the contract itself: adding one, recording a variation, the
handover plan and its running costs, and publishing a transparency quarter. Each writes
through a service, which checks the rules and keeps the audit trail."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.partnership import permissions, selectors, services
from improvement_hub.partnership.forms import (
    ContractForm,
    HandoverPlanForm,
    PublishQuarterForm,
    RunningCostForm,
    VariationForm,
)
from improvement_hub.partnership.models import Contract, HandoverPlan

# --- adding a contract, recording a variation -----------------------------------------------


@hidden_unless(permissions.can_manage_contracts)
def contract_new(request: HttpRequest) -> HttpResponse:
    form = ContractForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contract = submit(
            form,
            lambda: services.contract_create(actor=request.user, **form.service_arguments()),
        )
        if contract is not None:
            messages.success(request, f"The contract {contract.reference} is added")
            return redirect(contract.get_absolute_url())
    return render_form(request, "partnership/contract_form.html", {"form": form})


@hidden_unless(permissions.can_manage_contracts)
def contract_vary(request: HttpRequest, pk: int) -> HttpResponse:
    contract = selectors.contract_get_for_user(user=request.user, pk=pk)
    posted = request.POST.get("decision", "")
    if request.method == "POST" and any(
        str(v.decision_id) == posted for v in contract.variations.all()
    ):
        # A second click of the same variation: it is recorded once, say so.
        messages.info(request, "This variation is already recorded")
        return redirect(contract.get_absolute_url())
    form = VariationForm(request.POST or None, contract=contract)
    if request.method == "POST" and form.is_valid():
        variation = submit(
            form,
            lambda: services.contract_vary(
                actor=request.user, contract=contract, **form.cleaned_data
            ),
        )
        if variation is not None:
            messages.success(
                request, f"The variation is recorded: it rests on {variation.decision.reference}"
            )
            return redirect(contract.get_absolute_url())
    decision_field = form.fields["decision"]
    context = {
        "form": form,
        "contract": contract,
        "has_decisions": decision_field.queryset.exists(),  # type: ignore[attr-defined]  # a ModelChoiceField
        "can_draft": permissions.can_draft_decision(request.user),
    }
    return render_form(request, "partnership/variation_form.html", context)


# --- the handover plan and the lab's running costs ---------------------------------------------


def _contract_and_plan(request: HttpRequest, pk: int) -> tuple[Contract, HandoverPlan | None]:
    contract = selectors.contract_get_for_user(user=request.user, pk=pk)
    return contract, selectors.handover_get(contract=contract)


def _signed_off(request: HttpRequest, contract: Contract) -> HttpResponse:
    messages.error(request, services.HANDOVER_SIGNED_OFF)
    return redirect("partnership:handover", pk=contract.pk)


@hidden_unless(permissions.can_manage_contracts)
def handover_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contract, plan = _contract_and_plan(request, pk)
    if plan is not None and plan.signed_off_at:
        return _signed_off(request, contract)
    initial = {name: getattr(plan or HandoverPlan(), name) for name in services.HANDOVER_FIELDS}
    form = HandoverPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = submit(
            form,
            lambda: services.handover_plan_set(
                actor=request.user, contract=contract, **form.cleaned_data
            ),
        )
        if done is not None:
            messages.success(request, "The handover plan is saved")
            return redirect("partnership:handover", pk=contract.pk)
    context = {"form": form, "contract": contract}
    return render_form(request, "partnership/handover_form.html", context)


@hidden_unless(permissions.can_manage_contracts)
def running_cost_edit(request: HttpRequest, pk: int, cost_id: int | None = None) -> HttpResponse:
    contract, plan = _contract_and_plan(request, pk)
    if plan is not None and plan.signed_off_at:
        return _signed_off(request, contract)
    cost = None
    if cost_id is not None:
        if plan is None:
            raise Http404
        cost = selectors.running_cost_get(plan=plan, pk=cost_id)
    initial = (
        {
            "kind": cost.kind,
            "description": cost.description,
            "budget_line": cost.budget_line,
            "amount_gbp": cost.amount_gbp,
        }
        if cost
        else {}
    )
    form = RunningCostForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if cost is None:
            done = submit(
                form,
                lambda: services.running_cost_add(
                    actor=request.user, contract=contract, **form.cleaned_data
                ),
            )
        else:
            line = cost
            done = submit(
                form,
                lambda: services.running_cost_change(
                    actor=request.user, cost=line, **form.cleaned_data
                ),
            )
        if done is not None:
            messages.success(request, "The running costs are saved")
            return redirect("partnership:handover", pk=contract.pk)
    context = {"form": form, "contract": contract, "cost": cost}
    return render_form(request, "partnership/running_cost_form.html", context)


@hidden_unless(permissions.can_manage_contracts)
@require_POST
def running_cost_remove(request: HttpRequest, pk: int, cost_id: int) -> HttpResponse:
    contract, plan = _contract_and_plan(request, pk)
    if plan is None:
        raise Http404
    if plan.signed_off_at:
        return _signed_off(request, contract)
    cost = plan.running_costs.filter(pk=cost_id).select_related("plan__contract").first()
    if cost is None:
        # A second click, or someone else removed it first: say so, do nothing.
        messages.info(request, "That line is no longer in the running costs")
    else:
        services.running_cost_remove(actor=request.user, cost=cost)
        messages.success(request, "The line is removed from the running costs")
    return redirect("partnership:handover", pk=contract.pk)


# --- publishing a transparency quarter -------------------------------------------------------


@hidden_unless(permissions.can_manage_contracts)
def transparency_publish(request: HttpRequest) -> HttpResponse:
    """Choose a quarter (a GET form, so it works without JavaScript), see what publishing
    it keeps, then publish it (a POST)."""
    files = list(selectors.transparency_files())
    published = {f.quarter for f in files}
    quarters = [
        (q, f"{selectors.quarter_label(q)} ({q}){', published' if q in published else ''}")
        for q in selectors.quarters_ended()
    ]
    data = request.POST if request.method == "POST" else request.GET
    form = PublishQuarterForm(data if "quarter" in data else None, quarters=quarters)
    preview = None
    if form.is_bound and form.is_valid():
        quarter = form.cleaned_data["quarter"]
        if request.method == "POST":
            done = submit(
                form,
                lambda: services.transparency_publish_quarter(
                    actor=request.user, quarter=quarter, once=True
                ),
            )
            if done is not None:
                messages.success(request, f"{quarter} is published: its files are kept below")
                return redirect("partnership:transparency_publish")
        first, last = services.quarter_dates(quarter)
        preview = selectors.transparency_preview(quarter=quarter, first=first, last=last)
    context = {
        "form": form,
        "preview": preview,
        "files": files,
        "contract_columns": selectors.CONTRACT_COLUMNS,
        "spend_columns": selectors.SPEND_COLUMNS,
    }
    return render_form(request, "partnership/transparency_publish.html", context)
