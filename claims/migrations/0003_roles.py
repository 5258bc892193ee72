"""The roles, as Django groups: reader, reviewer, editor, admin.

reader    sees everything, changes nothing;
reviewer  also approves, rejects and disputes claims;
editor    also reopens decided claims and corrects their values;
admin     also manages documents, speakers, users and tokens.
"""
from django.db import migrations

READ = [
    "sources.view_outlet", "sources.view_document", "sources.view_speaker", "sources.view_speakeralias",
    "sources.view_quote", "claims.view_claim", "claims.view_reviewevent", "claims.view_extractionjob",
]
REVIEW = READ + ["claims.review_claim"]
EDIT = REVIEW + ["claims.correct_claim", "claims.reopen_claim", "sources.add_document", "claims.add_extractionjob"]
ADMIN = EDIT + [
    "sources.change_document", "sources.delete_document", "sources.add_outlet", "sources.change_outlet",
    "sources.add_speaker", "sources.change_speaker", "sources.add_speakeralias", "sources.change_speakeralias",
    "sources.delete_speakeralias", "auth.view_user", "auth.add_user", "auth.change_user",
]
ROLES = {"reader": READ, "reviewer": REVIEW, "editor": EDIT, "admin": ADMIN}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_database_guards"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
