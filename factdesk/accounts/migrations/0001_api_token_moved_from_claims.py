"""ApiToken, as it was in claims (claims.0004), taken over by this app without touching its table.

The model is created in the migration state only, on the table it already has
(claims_apitoken): every token keeps working. Its content type moves with it,
so the permissions given to the admin role (claims.0005) and the admin's
history of token changes follow the model instead of being left behind.
"""
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_move(apps, schema_editor, *, source: str, target: str) -> None:
    """The apitoken content type (with its permissions and who holds them) goes from `source` to `target`."""
    from django.contrib.contenttypes.models import ContentType as LiveContentType

    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.using(db).filter(app_label=source, model="apitoken").first()
    new = ContentType.objects.using(db).filter(app_label=target, model="apitoken").first()
    if old is not None and new is None:
        ContentType.objects.using(db).filter(pk=old.pk).update(app_label=target)
    elif old is not None:
        # Both exist (the new one made by a permissions sync): the grants move to the new one's permissions.
        for permission in Permission.objects.using(db).filter(content_type=old):
            twin = Permission.objects.using(db).filter(content_type=new, codename=permission.codename).first()
            if twin is not None:
                twin.group_set.add(*permission.group_set.all())
                twin.user_set.add(*permission.user_set.all())
        old.delete()
    LiveContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    content_type_move(apps, schema_editor, source="claims", target="accounts")


def backwards(apps, schema_editor):
    content_type_move(apps, schema_editor, source="accounts", target="claims")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("claims", "0008_api_token_moves_to_accounts"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="ApiToken",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("name", models.CharField(help_text="What the token is for, e.g. 'newsroom importer'.",
                                                  max_length=100)),
                        ("prefix", models.CharField(editable=False, max_length=12,
                                                    help_text="The secret's first characters, to recognise it.")),
                        ("key_hash", models.CharField(editable=False, max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("expires_at", models.DateTimeField(blank=True, null=True)),
                        ("last_used_at", models.DateTimeField(blank=True, null=True)),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        ("created_by", models.ForeignKey(blank=True, null=True,
                                                         on_delete=django.db.models.deletion.SET_NULL,
                                                         related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                   related_name="api_tokens", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "claims_apitoken",
                        "ordering": ["-created_at", "-id"],
                        "constraints": [models.CheckConstraint(condition=models.Q(("key_hash__regex", "^[0-9a-f]{64}$")),
                                                               name="api_token_hash_sha256")],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
