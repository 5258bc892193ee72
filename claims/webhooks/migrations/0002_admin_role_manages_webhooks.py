"""The admin role manages webhook endpoints and reads their deliveries (admin and /api/v1/webhooks/)."""
from django.db import migrations

CODES = ["add_endpoint", "change_endpoint", "delete_endpoint", "view_endpoint", "view_event", "view_delivery",
         "view_attempt"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("webhooks")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="admin").first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="webhooks", codename__in=CODES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="admin").first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="webhooks", codename__in=CODES))


class Migration(migrations.Migration):
    dependencies = [("webhooks", "0001_initial"), ("claims", "0003_roles")]
    operations = [migrations.RunPython(grant, revoke)]
