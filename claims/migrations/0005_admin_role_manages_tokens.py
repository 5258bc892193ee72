"""The admin role manages API tokens in the Django admin too (create, view, revoke)."""
from django.db import migrations

CODES = ["add_apitoken", "change_apitoken", "view_apitoken"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    # apps=apps: the model as it was here (ApiToken moved to accounts later), not as the code has it now.
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="admin").first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="claims", codename__in=CODES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="admin").first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="claims", codename__in=CODES))


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_api_tokens")]
    operations = [migrations.RunPython(grant, revoke)]
