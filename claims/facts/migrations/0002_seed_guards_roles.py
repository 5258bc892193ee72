"""What facts need beyond their tables.

- Seed the normalisation data (parties, group categories and their aliases)
  from claims/facts/seeds/*.tsv; from then on they are rows editors change in
  the admin.
- The one row grouping runs lock (models.GroupingLock).
- Fact events are written once (claims.facts.database_guards; reinstalled
  after every migrate by claims.facts.apps).
- The roles: readers see facts and their history; editors (and admins) curate
  them and edit the normalisation data.
"""
from pathlib import Path

from django.db import migrations

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

READ = ["view_fact", "view_factclaim", "view_factevent", "view_party", "view_partyalias", "view_groupcategory",
        "view_groupalias", "view_place", "view_placealias"]
EDIT = READ + ["curate_fact"] + [f"{verb}_{model}" for verb in ("add", "change", "delete")
                                 for model in ("party", "partyalias", "groupcategory", "groupalias", "place",
                                               "placealias")]
ROLES = {"reader": READ, "reviewer": READ, "editor": EDIT, "admin": EDIT}

def _rows(name: str):
    for line in (SEEDS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, rest = line.partition("\t")
        yield head.strip(), [alias.strip() for alias in rest.split("|") if alias.strip()]


def seed(apps, schema_editor):
    from sources.models import normalize_name

    for model, alias_model, key, file in (("Party", "PartyAlias", "party", "parties.tsv"),
                                          ("GroupCategory", "GroupAlias", "category", "groups.tsv")):
        Named, Aliased = apps.get_model("facts", model), apps.get_model("facts", alias_model)
        seen = set()
        for name, aliases in _rows(file):
            row = Named.objects.create(name=name)
            for alias in [name, *aliases]:
                normalized = normalize_name(alias)
                if normalized and normalized not in seen:
                    seen.add(normalized)
                    Aliased.objects.create(alias=alias, normalized=normalized, **{key: row})
    apps.get_model("facts", "GroupingLock").objects.create(name="grouping")


def unseed(apps, schema_editor):
    for model in ("PartyAlias", "Party", "GroupAlias", "GroupCategory", "GroupingLock"):
        apps.get_model("facts", model).objects.all().delete()


def guards_install(apps, schema_editor):
    from claims.facts import database_guards

    database_guards.install(schema_editor.connection)


def guards_uninstall(apps, schema_editor):
    from claims.facts import database_guards

    database_guards.uninstall(schema_editor.connection)


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("facts")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="facts", codename__in=codes))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="facts"))


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0001_initial"),
        ("claims", "0003_roles"),
    ]
    operations = [
        migrations.RunPython(seed, unseed),
        migrations.RunPython(guards_install, guards_uninstall),
        migrations.RunPython(grant, revoke),
    ]
