"""Seeds the rules as data (the thresholds and the delegations of 2016), lets the Hub Team
edit them in the admin, and makes signed decisions immutable in the database itself."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions

# Columns a signed decision may still change: its state (signed -> published or withdrawn)
# and the date it was published. Everything else is the record as signed.
CONTENT = [
    "subject", "districts", "decision_maker", "decision_maker_title", "deputising_for",
    "outline", "delegation_id", "route", "reasons", "is_public", "exempt_paragraph",
    "value_gbp", "cost_note", "budget_code", "advertised_days", "direct_approaches",
    "single_quote_reason", "exemption_justification", "consultation", "version",
    "corrects_id", "signed_by_id", "signed_on",
]
SIGNED = "('signed', 'published')"
MESSAGE = "A signed decision cannot be changed: make a correction instead"

SQLITE = [
    f"""CREATE TRIGGER partnership_decision_signed_immutable
    BEFORE UPDATE ON partnership_decision
    WHEN OLD.state IN {SIGNED} AND ({" OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in CONTENT)}
        OR NEW.state NOT IN ('signed', 'published', 'withdrawn'))
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER partnership_decision_signed_undeletable
    BEFORE DELETE ON partnership_decision WHEN OLD.state IN {SIGNED}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER partnership_quotation_signed_immutable
    BEFORE UPDATE ON partnership_quotation
    WHEN (SELECT state FROM partnership_decision WHERE id = OLD.decision_id) IN {SIGNED}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER partnership_quotation_signed_insert
    BEFORE INSERT ON partnership_quotation
    WHEN (SELECT state FROM partnership_decision WHERE id = NEW.decision_id) IN {SIGNED}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS partnership_decision_signed_immutable",
    "DROP TRIGGER IF EXISTS partnership_decision_signed_undeletable",
    "DROP TRIGGER IF EXISTS partnership_quotation_signed_immutable",
    "DROP TRIGGER IF EXISTS partnership_quotation_signed_insert",
]

POSTGRES = [
    f"""CREATE FUNCTION partnership_decision_immutable() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.state IN {SIGNED} THEN RAISE EXCEPTION '{MESSAGE}'; END IF;
        RETURN OLD;
      END IF;
      IF OLD.state IN {SIGNED} AND (
        ({", ".join(f"OLD.{c}" for c in CONTENT)}) IS DISTINCT FROM
        ({", ".join(f"NEW.{c}" for c in CONTENT)})
        OR NEW.state NOT IN ('signed', 'published', 'withdrawn')) THEN
        RAISE EXCEPTION '{MESSAGE}';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER partnership_decision_signed_immutable
    BEFORE UPDATE OR DELETE ON partnership_decision
    FOR EACH ROW EXECUTE FUNCTION partnership_decision_immutable()""",
    f"""CREATE FUNCTION partnership_quotation_immutable() RETURNS trigger AS $$
    DECLARE parent_state text;
    BEGIN
      SELECT state INTO parent_state FROM partnership_decision
        WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.decision_id ELSE NEW.decision_id END);
      IF parent_state IN {SIGNED} THEN RAISE EXCEPTION '{MESSAGE}'; END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER partnership_quotation_signed_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON partnership_quotation
    FOR EACH ROW EXECUTE FUNCTION partnership_quotation_immutable()""",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS partnership_quotation_signed_immutable ON partnership_quotation",
    "DROP FUNCTION IF EXISTS partnership_quotation_immutable()",
    "DROP TRIGGER IF EXISTS partnership_decision_signed_immutable ON partnership_decision",
    "DROP FUNCTION IF EXISTS partnership_decision_immutable()",
]


def triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(vendor, []):
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, []):
        schema_editor.execute(statement)


FROM_2014 = date(2014, 6, 10)  # Resolution No. 18350 of the City Council


def seed(apps, schema_editor):
    ProcurementRules = apps.get_model("partnership", "ProcurementRules")
    Delegation = apps.get_model("partnership", "Delegation")
    OtherRoute = apps.get_model("partnership", "OtherRoute")
    ProcurementRules.objects.get_or_create(
        effective_from=FROM_2014,
        defaults={
            "quotations_below_gbp": Decimal("10000"),
            "eu_threshold_gbp": Decimal("172514"),
            "note": "Standing orders relating to contracts",
        },
    )
    delegations = [
        ("officer-quotations", "Expenditure under £162k — written or advertised quotations",
         ["quotations", "advertised", "european-list"]),
        ("officer-single-contractor", "Expenditure under £162k — single contractor negotiation",
         ["single-contractor-negotiation", "negotiated"]),
    ]
    for slug, name, routes in delegations:
        Delegation.objects.get_or_create(
            slug=slug, effective_from=FROM_2014,
            defaults={"name": name, "min_gbp": Decimal("0"), "max_gbp": Decimal("162000"),
                      "routes": routes},
        )
    OtherRoute.objects.get_or_create(
        name="Cabinet (expenditure over £200k)", effective_from=FROM_2014,
        defaults={"min_gbp": Decimal("200000.01"), "max_gbp": None, "only_route": ""},
    )
    OtherRoute.objects.get_or_create(
        name="Procurement delegated decision (£172,514 to £2.5m)", effective_from=FROM_2014,
        defaults={"min_gbp": Decimal("172514"), "max_gbp": Decimal("2500000"),
                  "only_route": "procurement"},
    )
    rules = ["procurementrules", "delegation", "otherroute"]
    grant_model_permissions(
        apps, group_name="Hub Team", app_label="partnership",
        codenames=[f"{verb}_{m}" for verb in ("add", "change", "delete", "view") for m in rules],
    )
    grant_model_permissions(
        apps, group_name="Leadership", app_label="partnership",
        codenames=[f"view_{m}" for m in rules],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partnership", "0001_contracts_decisions"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(triggers, drop_triggers),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
