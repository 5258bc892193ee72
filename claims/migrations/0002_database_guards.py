"""Installs the database guards described in claims.database_guards."""
from django.db import migrations

from claims import database_guards


def install(apps, schema_editor):
    database_guards.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    database_guards.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("sources", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
