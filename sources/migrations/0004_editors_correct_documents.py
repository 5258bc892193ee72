"""Editors correct documents' metadata (through sources.services.document_update); every role reads
the history of those corrections."""
from django.db import migrations

GRANTS = {
    "editor": ["sources.change_document", "sources.view_documentevent"],
    "admin": ["sources.view_documentevent"],
    "reviewer": ["sources.view_documentevent"],
    "reader": ["sources.view_documentevent"],
}


def _permissions(apps):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    return apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")


def _change(method: str):
    def run(apps, schema_editor):
        Group, Permission = _permissions(apps)
        for role, codes in GRANTS.items():
            group = Group.objects.filter(name=role).first()
            if group is None:
                continue
            for code in codes:
                app_label, codename = code.split(".")
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                getattr(group.permissions, method)(permission)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0003_document_events"),
        ("claims", "0003_roles"),
    ]

    operations = [migrations.RunPython(_change("add"), _change("remove"))]
