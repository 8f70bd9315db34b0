from django.urls import path

from improvement_hub.partnership import contract_views, hub_views, views

app_name = "partnership"

urlpatterns = [
    # public
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/pdf/", views.decision_pdf, name="decision_pdf"),
    path("transparency/", views.transparency, name="transparency"),
    path("transparency/contracts.csv", views.contracts_csv, name="contracts_csv"),
    path("transparency/spend.csv", views.spend_csv, name="spend_csv"),
    path("transparency/files/<int:pk>/", views.transparency_file, name="transparency_file"),
    path(
        "transparency/publish/",
        contract_views.transparency_publish,
        name="transparency_publish",
    ),
    # the Hub Team and Leadership
    path("decisions/new/", hub_views.decision_new, name="decision_new"),
    path("decisions/<int:pk>/quotations/", hub_views.quotation_add, name="quotation_add"),
    path("decisions/<int:pk>/<slug:action>/", hub_views.decision_act, name="decision_act"),
    # the Hub Team, Leadership and the partner (their own contracts)
    path("contracts/", hub_views.contract_list, name="contract_list"),
    path("contracts/new/", contract_views.contract_new, name="contract_new"),
    path("contracts/<int:pk>/", hub_views.contract_detail, name="contract_detail"),
    path("contracts/<int:pk>/vary/", contract_views.contract_vary, name="contract_vary"),
    path(
        "contracts/<int:pk>/tasks/<int:number>/",
        hub_views.deliverable_detail,
        name="deliverable_detail",
    ),
    path(
        "contracts/<int:pk>/tasks/<int:number>/evidence/",
        hub_views.evidence_add,
        name="evidence_add",
    ),
    path(
        "contracts/<int:pk>/tasks/<int:number>/evidence/<int:evidence_id>/",
        hub_views.evidence_document,
        name="evidence_document",
    ),
    path(
        "contracts/<int:pk>/tasks/<int:number>/edit/",
        hub_views.deliverable_edit,
        name="deliverable_edit",
    ),
    path(
        "contracts/<int:pk>/tasks/<int:number>/submit/",
        hub_views.deliverable_submit,
        name="deliverable_submit",
    ),
    path(
        "contracts/<int:pk>/tasks/<int:number>/review/",
        hub_views.deliverable_review,
        name="deliverable_review",
    ),
    path("contracts/<int:pk>/audit/", hub_views.audit, name="audit"),
    path("contracts/<int:pk>/audit.csv", hub_views.audit_csv, name="audit_csv"),
    path(
        "contracts/payment-blocks/<int:block_id>/approve/",
        hub_views.block_approve,
        name="block_approve",
    ),
    path(
        "contracts/payment-blocks/<int:block_id>/invoice/",
        hub_views.block_invoice,
        name="block_invoice",
    ),
    path("contracts/payment-blocks/<int:block_id>/paid/", hub_views.block_paid, name="block_paid"),
    path("handover/<int:pk>/", hub_views.handover, name="handover"),
    path("handover/<int:pk>/sign-off/", hub_views.handover_sign_off, name="handover_sign_off"),
    path("handover/<int:pk>/edit/", contract_views.handover_edit, name="handover_edit"),
    path("handover/<int:pk>/costs/new/", contract_views.running_cost_edit, name="running_cost_new"),
    path(
        "handover/<int:pk>/costs/<int:cost_id>/",
        contract_views.running_cost_edit,
        name="running_cost_edit",
    ),
    path(
        "handover/<int:pk>/costs/<int:cost_id>/remove/",
        contract_views.running_cost_remove,
        name="running_cost_remove",
    ),
]
