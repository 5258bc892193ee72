"""Fact events are written once: the database refuses to update them, and on PostgreSQL to delete them.

As for claims' review events (claims.database_guards): SQLite drops a table's
triggers when a later migration rebuilds it, so install() is idempotent and
runs after every `migrate` (claims.facts.apps) as well as in migration 0002.
SQLite keeps DELETE open for the test runner's table flushes.
"""
from __future__ import annotations

from claims.database_guards import execute

TABLE = "facts_factevent"
FORWARD = {
    "postgresql": [
        """
        CREATE OR REPLACE FUNCTION facts_factevent_immutable() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'fact events are immutable: % refused', TG_OP
                USING ERRCODE = 'integrity_constraint_violation';
        END $$ LANGUAGE plpgsql;
        DROP TRIGGER IF EXISTS facts_factevent_immutable ON facts_factevent;
        CREATE TRIGGER facts_factevent_immutable BEFORE UPDATE OR DELETE ON facts_factevent
            FOR EACH ROW EXECUTE FUNCTION facts_factevent_immutable();
        """,
    ],
    "sqlite": [
        "DROP TRIGGER IF EXISTS facts_factevent_immutable_update;",
        """
        CREATE TRIGGER facts_factevent_immutable_update BEFORE UPDATE ON facts_factevent
        BEGIN SELECT RAISE(ABORT, 'fact events are immutable: UPDATE refused'); END;
        """,
    ],
}
BACKWARD = {
    "postgresql": ["DROP TRIGGER IF EXISTS facts_factevent_immutable ON facts_factevent; "
                   "DROP FUNCTION IF EXISTS facts_factevent_immutable();"],
    "sqlite": ["DROP TRIGGER IF EXISTS facts_factevent_immutable_update;"],
}


def install(connection) -> None:
    if TABLE in connection.introspection.table_names():
        execute(connection, FORWARD)


def uninstall(connection) -> None:
    execute(connection, BACKWARD)
