"""The SQL of the triggers that keep signed decisions immutable (migrations 0002, 0003)."""

SIGNED = "('signed', 'published')"
MESSAGE = "A signed decision cannot be changed: make a correction instead"

CONTENT_V1 = [
    "subject", "districts", "decision_maker", "decision_maker_title", "deputising_for",
    "outline", "delegation_id", "route", "reasons", "is_public", "exempt_paragraph",
    "value_gbp", "cost_note", "budget_code", "advertised_days", "direct_approaches",
    "single_quote_reason", "exemption_justification", "consultation", "version",
    "corrects_id", "signed_by_id", "signed_on",
]
# signed_by_id may become null when the officer's account is erased.
CONTENT_V2 = [c for c in CONTENT_V1 if c != "signed_by_id"]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS partnership_decision_signed_immutable",
    "DROP TRIGGER IF EXISTS partnership_decision_signed_undeletable",
    "DROP TRIGGER IF EXISTS partnership_quotation_signed_immutable",
    "DROP TRIGGER IF EXISTS partnership_quotation_signed_insert",
]


def sqlite(content: list[str], *, deletable: bool) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in content)
    statements = [
        f"""CREATE TRIGGER partnership_decision_signed_immutable
        BEFORE UPDATE ON partnership_decision
        WHEN OLD.state IN {SIGNED} AND ({changed}
            OR NEW.state NOT IN ('signed', 'published', 'withdrawn'))
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
    if not deletable:
        statements.append(
            f"""CREATE TRIGGER partnership_decision_signed_undeletable
            BEFORE DELETE ON partnership_decision WHEN OLD.state IN {SIGNED}
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""
        )
    return statements


def postgres_function(content: list[str]) -> str:
    return f"""CREATE OR REPLACE FUNCTION partnership_decision_immutable() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.state IN {SIGNED} THEN RAISE EXCEPTION '{MESSAGE}'; END IF;
        RETURN OLD;
      END IF;
      IF OLD.state IN {SIGNED} AND (
        ({", ".join(f"OLD.{c}" for c in content)}) IS DISTINCT FROM
        ({", ".join(f"NEW.{c}" for c in content)})
        OR NEW.state NOT IN ('signed', 'published', 'withdrawn')) THEN
        RAISE EXCEPTION '{MESSAGE}';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql"""
