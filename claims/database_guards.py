"""Rules the database itself enforces, beyond what a CHECK constraint can express.

- A claim's and a quote's span must lie inside its document's text and equal
  that part of it (a CHECK cannot look at another table, so a trigger does).
- A review event is written once: the database refuses to update it, and on
  PostgreSQL to delete it. (SQLite keeps DELETE open because the test runner
  empties tables with DELETE between transactional tests; PostgreSQL uses
  TRUNCATE, which row triggers do not see.)

Migration 0002 installs these triggers. SQLite cannot add a non-null column in
place: Django rebuilds the table, and a rebuilt table has lost its triggers. So
`install()` is idempotent and also runs after every `migrate` (claims.apps),
which keeps the guards in place whatever a later migration rebuilds.
"""
from __future__ import annotations

SPAN_TABLES = [("claims_claim", "text"), ("sources_quote", "exact")]

POSTGRES_FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION {table}_span_inside_document() RETURNS trigger AS $$
    BEGIN
        IF NOT EXISTS (
            SELECT 1 FROM sources_document d
            WHERE d.id = NEW.document_id
              AND char_length(d.text) >= NEW."end"
              AND substr(d.text, NEW.start + 1, NEW."end" - NEW.start) = NEW.{column}
        ) THEN
            RAISE EXCEPTION '{table}: span %..% does not lie inside the text of document %, or differs from it',
                NEW.start, NEW."end", NEW.document_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS {table}_span_inside_document ON {table};
    CREATE TRIGGER {table}_span_inside_document
        BEFORE INSERT OR UPDATE OF start, "end", {column}, document_id ON {table}
        FOR EACH ROW EXECUTE FUNCTION {table}_span_inside_document();
    """
    for table, column in SPAN_TABLES
] + [
    """
    CREATE OR REPLACE FUNCTION claims_reviewevent_immutable() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'review events are immutable: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS claims_reviewevent_immutable ON claims_reviewevent;
    CREATE TRIGGER claims_reviewevent_immutable BEFORE UPDATE OR DELETE ON claims_reviewevent
        FOR EACH ROW EXECUTE FUNCTION claims_reviewevent_immutable();
    """
]

POSTGRES_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_span_inside_document ON {table}; "
    f"DROP FUNCTION IF EXISTS {table}_span_inside_document();"
    for table, _ in SPAN_TABLES
] + [
    "DROP TRIGGER IF EXISTS claims_reviewevent_immutable ON claims_reviewevent; "
    "DROP FUNCTION IF EXISTS claims_reviewevent_immutable();"
]

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER {table}_span_inside_document_{event.lower()} BEFORE {event} ON {table}
    WHEN NOT EXISTS (
        SELECT 1 FROM sources_document d
        WHERE d.id = NEW.document_id
          AND length(d.text) >= NEW."end"
          AND substr(d.text, NEW.start + 1, NEW."end" - NEW.start) = NEW.{column}
    )
    BEGIN SELECT RAISE(ABORT, '{table}: span does not lie inside its document text, or differs from it'); END;
    """
    for table, column in SPAN_TABLES
    for event in ("INSERT", "UPDATE")
] + [
    """
    CREATE TRIGGER claims_reviewevent_immutable_update BEFORE UPDATE ON claims_reviewevent
    BEGIN SELECT RAISE(ABORT, 'review events are immutable: UPDATE refused'); END;
    """
]

SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_span_inside_document_{event.lower()};"
    for table, _ in SPAN_TABLES
    for event in ("INSERT", "UPDATE")
] + ["DROP TRIGGER IF EXISTS claims_reviewevent_immutable_update;"]



FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_BACKWARD + SQLITE_FORWARD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}


# A document's metadata correction (sources.DocumentEvent) is written once too. sources' migration 0003
# creates this trigger; installing it here as well keeps it through any later table rebuild.
DOCUMENT_EVENTS = "sources_documentevent"
DOCUMENT_EVENT_FORWARD = {
    "postgresql": ["""
    CREATE OR REPLACE FUNCTION sources_documentevent_immutable() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'document events are immutable: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS sources_documentevent_immutable ON sources_documentevent;
    CREATE TRIGGER sources_documentevent_immutable BEFORE UPDATE OR DELETE ON sources_documentevent
        FOR EACH ROW EXECUTE FUNCTION sources_documentevent_immutable();
    """],
    "sqlite": ["DROP TRIGGER IF EXISTS sources_documentevent_immutable_update;", """
    CREATE TRIGGER sources_documentevent_immutable_update BEFORE UPDATE ON sources_documentevent
    BEGIN SELECT RAISE(ABORT, 'document events are immutable: UPDATE refused'); END;
    """],
}


def install(connection) -> None:
    """(Re)create the guards on `connection`; safe to run any number of times."""
    execute(connection, FORWARD)
    if DOCUMENT_EVENTS in connection.introspection.table_names():  # not yet while migrating up to it
        execute(connection, DOCUMENT_EVENT_FORWARD)


def uninstall(connection) -> None:
    execute(connection, BACKWARD)


def execute(connection, statements_by_vendor: dict[str, list[str]]) -> None:
    """Run the statements written for this connection's database (other apps' guards use it too)."""
    with connection.cursor() as cursor:
        for statement in statements_by_vendor.get(connection.vendor, []):
            cursor.execute(statement)
