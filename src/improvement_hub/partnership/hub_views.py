"""The signed-in pages: drafting and signing decisions, the contract, the partner's
evidence journey, payments, the audit trail and the handover."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.spreadsheets import csv_response
from improvement_hub.partnership import permissions, selectors, services
from improvement_hub.partnership.forms import (
    DecisionForm,
    DeliverableForm,
    DeliverableStatusForm,
    EvidenceForm,
    InvoiceForm,
    PaidForm,
    QuotationForm,
    ReviewForm,
    SignOffForm,
)
from improvement_hub.partnership.models import Decision, DeliverableStatus

# --- decisions --------------------------------------------------------------------------


@hidden_unless(permissions.can_draft_decision)
def decision_new(request: HttpRequest) -> HttpResponse:
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = submit(
            form, lambda: services.decision_create(actor=request.user, data=form.decision_data())
        )
        if decision is not None:
            messages.success(request, "The draft decision is saved")
            return redirect(decision.get_absolute_url())
    return render_form(request, "partnership/decision_form.html", {"form": form})


ACTIONS: dict[str, tuple[Callable[..., Decision], str]] = {
    "submit": (services.decision_submit, "The decision is submitted for signature"),
    "sign": (services.decision_sign, "The decision is signed"),
    "publish": (services.decision_publish, "The decision is published in the register"),
    "withdraw": (services.decision_withdraw, "The decision is withdrawn"),
    "correct": (services.decision_correct, "A correction is drafted: it links the signed decision"),
}


@hidden_unless(permissions.can_see_all_decisions)
@require_POST
def decision_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    decision = selectors.decision_get_for_user(user=request.user, pk=pk)
    service, done = ACTIONS[action]
    try:
        result = service(actor=request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(decision.get_absolute_url())
    messages.success(request, done)
    return redirect(result.get_absolute_url())


@hidden_unless(permissions.can_draft_decision)
def quotation_add(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_get_for_user(user=request.user, pk=pk)
    form = QuotationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        added = submit(
            form,
            lambda: services.quotation_add(
                actor=request.user, decision=decision, **form.cleaned_data
            ),
        )
        if added is not None:
            messages.success(request, "The quotation is recorded")
            return redirect(decision.get_absolute_url())
    return render_form(
        request, "partnership/quotation_form.html", {"form": form, "decision": decision}
    )


# --- contracts, deliverables, evidence ------------------------------------------------------


@hidden_unless(permissions.can_see_contracts)
def contract_list(request: HttpRequest) -> HttpResponse:
    contracts = selectors.contract_list_for_user(user=request.user)
    context = {"contracts": contracts, "can_add": permissions.can_manage_contracts(request.user)}
    return render(request, "partnership/contract_list.html", context)


def _contract_context(request: HttpRequest, pk: int) -> dict[str, object]:
    contract = selectors.contract_get_for_user(user=request.user, pk=pk)
    blocks = [(b, selectors.block_waiting_for(b)) for b in contract.payment_blocks.all()]
    return {
        "contract": contract,
        "spend": selectors.contract_spend(contract),
        "blocks": blocks,
        "can_approve": permissions.can_approve_payment(request.user),
        "can_manage": permissions.can_manage_payments(request.user),
        "can_vary": permissions.can_manage_contracts(request.user),
        "can_audit": permissions.can_read_audit(request.user),
    }


@hidden_unless(permissions.can_see_contracts)
def contract_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "partnership/contract_detail.html", _contract_context(request, pk))


def _deliverable_page(
    request: HttpRequest,
    pk: int,
    number: int,
    *,
    evidence_form: EvidenceForm | None = None,
    review_form: ReviewForm | None = None,
) -> HttpResponse:
    deliverable = selectors.deliverable_get_for_user(
        user=request.user, contract_pk=pk, number=number
    )
    context = {
        "deliverable": deliverable,
        "figures": selectors.hub_figures(),
        "evidence_form": evidence_form or EvidenceForm(),
        "review_form": review_form or ReviewForm(),
        "form": evidence_form or review_form,
        "can_submit": permissions.can_submit_evidence(request.user, deliverable.contract),
        "can_review": permissions.can_review_deliverable(request.user),
        "can_edit": permissions.can_edit_deliverable(request.user)
        and deliverable.status != "accepted",
    }
    return render_form(request, "partnership/deliverable_detail.html", context)


@hidden_unless(permissions.can_see_contracts)
def deliverable_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    return _deliverable_page(request, pk, number)


@hidden_unless(permissions.can_see_contracts)
@require_POST
def evidence_add(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    deliverable = selectors.deliverable_get_for_user(
        user=request.user, contract_pk=pk, number=number
    )
    form = EvidenceForm(request.POST, request.FILES)
    added = (
        submit(
            form,
            lambda: services.evidence_add(
                actor=request.user, deliverable=deliverable, **form.cleaned_data
            ),
        )
        if form.is_valid()
        else None
    )
    if added:
        messages.success(request, "The evidence is added")
        return redirect(deliverable.get_absolute_url())
    return _deliverable_page(request, pk, number, evidence_form=form)


@hidden_unless(permissions.can_edit_deliverable)
def deliverable_edit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    deliverable = selectors.deliverable_get_for_user(
        user=request.user, contract_pk=pk, number=number
    )
    initial = {
        "acceptance_criteria": deliverable.acceptance_criteria,
        "due_on": deliverable.due_on,
        "owner": deliverable.owner,
    }
    form = DeliverableForm(request.POST or None, initial=initial, contract=deliverable.contract)
    if request.method == "POST" and form.is_valid():
        done = submit(
            form,
            lambda: services.deliverable_edit(
                actor=request.user, deliverable=deliverable, **form.cleaned_data
            ),
        )
        if done is not None:
            messages.success(request, f"Task {number} is changed")
            return redirect(deliverable.get_absolute_url())
    context = {"form": form, "deliverable": deliverable}
    return render_form(request, "partnership/deliverable_form.html", context)


@hidden_unless(permissions.can_see_contracts)
@require_POST
def deliverable_submit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    deliverable = selectors.deliverable_get_for_user(
        user=request.user, contract_pk=pk, number=number
    )
    form = DeliverableStatusForm({"status": DeliverableStatus.SUBMITTED})
    try:
        if form.is_valid():
            services.deliverable_change(
                actor=request.user, deliverable=deliverable, **form.cleaned_data
            )
            messages.success(request, "The task is submitted to the Hub Team for acceptance")
    except services.DeliverableConflict as conflict:
        messages.error(request, conflict.message)
    return redirect(deliverable.get_absolute_url())


@hidden_unless(permissions.can_review_deliverable)
@require_POST
def deliverable_review(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    deliverable = selectors.deliverable_get_for_user(
        user=request.user, contract_pk=pk, number=number
    )
    form = ReviewForm(request.POST)
    done = None
    if form.is_valid():
        try:
            done = submit(
                form,
                lambda: services.deliverable_change(
                    actor=request.user, deliverable=deliverable, **form.cleaned_data
                ),
            )
        except services.DeliverableConflict as conflict:
            form.add_error(None, conflict.message)
    if done is not None:
        messages.success(request, f"Task {number} is {done.get_status_display().lower()}")
        return redirect(deliverable.get_absolute_url())
    return _deliverable_page(request, pk, number, review_form=form)


@hidden_unless(permissions.can_see_contracts)
def evidence_document(request: HttpRequest, pk: int, number: int, evidence_id: int) -> FileResponse:
    deliverable = selectors.deliverable_get_for_user(
        user=request.user, contract_pk=pk, number=number
    )
    link = next((e for e in deliverable.evidence.all() if e.pk == evidence_id and e.document), None)
    if link is None:
        raise Http404
    response = FileResponse(link.document.open("rb"), as_attachment=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- payment blocks ---------------------------------------------------------------------


@hidden_unless(permissions.can_approve_payment)
@require_POST
def block_approve(request: HttpRequest, block_id: int) -> HttpResponse:
    block = selectors.block_get_for_user(user=request.user, pk=block_id)
    try:
        services.payment_block_approve(actor=request.user, block=block)
        messages.success(request, f"Block {block.number} is approved for payment")
    except services.PaymentConflict as conflict:
        messages.error(request, conflict.message)
    return redirect(block.contract.get_absolute_url())


def _block_form(
    request: HttpRequest, block_id: int, form_class: type[InvoiceForm] | type[PaidForm]
) -> HttpResponse:
    block = selectors.block_get_for_user(user=request.user, pk=block_id)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if isinstance(form, InvoiceForm):
            done = submit(
                form,
                lambda: services.payment_block_invoice(
                    actor=request.user, block=block, **form.cleaned_data
                ),
            )
        else:
            done = submit(
                form,
                lambda: services.payment_block_pay(
                    actor=request.user, block=block, **form.cleaned_data
                ),
            )
        if done is not None:
            messages.success(request, f"Block {block.number} is updated")
            return redirect(block.contract.get_absolute_url())
    context = {"form": form, "block": block, "paid": form_class is PaidForm}
    return render_form(request, "partnership/block_form.html", context)


@hidden_unless(permissions.can_manage_payments)
def block_invoice(request: HttpRequest, block_id: int) -> HttpResponse:
    return _block_form(request, block_id, InvoiceForm)


@hidden_unless(permissions.can_manage_payments)
def block_paid(request: HttpRequest, block_id: int) -> HttpResponse:
    return _block_form(request, block_id, PaidForm)


# --- audit and handover -----------------------------------------------------------------

AUDIT_HEADERS = ["When", "Who", "Record", "Field", "Before", "After"]


@hidden_unless(permissions.can_read_audit)
def audit(request: HttpRequest, pk: int) -> HttpResponse:
    contract = selectors.contract_get_for_user(user=request.user, pk=pk)
    entries = selectors.audit_list(contract=contract)[:500]
    return render(request, "partnership/audit.html", {"contract": contract, "entries": entries})


@hidden_unless(permissions.can_read_audit)
def audit_csv(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    contract = selectors.contract_get_for_user(user=request.user, pk=pk)
    rows = (
        [
            f"{e.at:%Y-%m-%d %H:%M}",
            services.user_label(e.actor),
            f"{e.object_type} {e.object_id}",
            e.field,
            e.before,
            e.after,
        ]
        for e in selectors.audit_list(contract=contract).iterator()
    )
    return csv_response(
        filename=f"audit-{contract.reference}.csv", headers=AUDIT_HEADERS, rows=rows
    )


def _handover_context(
    request: HttpRequest, pk: int, form: SignOffForm | None = None
) -> dict[str, object]:
    contract = selectors.contract_get_for_user(user=request.user, pk=pk)
    plan = selectors.handover_get(contract=contract)
    items = selectors.handover_readiness(plan=plan) if plan else []
    return {
        "contract": contract,
        "plan": plan,
        "items": items,
        "form": form or SignOffForm(),
        "can_sign_off": permissions.can_sign_off_handover(request.user),
        "can_edit": permissions.can_manage_contracts(request.user),
        "all_met": bool(items) and all(item.met for item in items),
    }


@hidden_unless(permissions.can_see_handover)
def handover(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "partnership/handover.html", _handover_context(request, pk))


@hidden_unless(permissions.can_sign_off_handover)
@require_POST
def handover_sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    contract = selectors.contract_get_for_user(user=request.user, pk=pk)
    plan = selectors.handover_get(contract=contract)
    if plan is None:
        raise Http404
    form = SignOffForm(request.POST)
    done = (
        submit(
            form,
            lambda: services.handover_sign_off(
                actor=request.user, plan=plan, note=form.cleaned_data["note"]
            ),
        )
        if form.is_valid()
        else None
    )
    if done is not None:
        messages.success(request, "The handover is signed off")
        return redirect("partnership:handover", pk=pk)
    context = _handover_context(request, pk, form)
    return render_form(request, "partnership/handover.html", context, form=form)
