"""Tokens remember the token they were made with (parent) and may act with less than their user's role.

(And the admin calls them "API tokens", not "Api tokens".)

Existing tokens get no parent and no role: they keep acting with their user's
own permissions, as before.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_api_token_moved_from_claims'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='apitoken',
            options={'ordering': ['-created_at', '-id'], 'verbose_name': 'API token'},
        ),
        migrations.AddField(
            model_name='apitoken',
            name='parent',
            field=models.ForeignKey(blank=True, editable=False, help_text='The token this one was made with, if any.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='children', to='accounts.apitoken'),
        ),
        migrations.AddField(
            model_name='apitoken',
            name='role',
            field=models.CharField(blank=True, choices=[('reader', 'Reader'), ('reviewer', 'Reviewer'), ('editor', 'Editor'), ('admin', 'Admin')], default='', help_text="The token acts with at most this role's permissions (never more than its user's); empty: with its user's own.", max_length=20),
        ),
        migrations.AddConstraint(
            model_name='apitoken',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['', 'reader', 'reviewer', 'editor', 'admin'])), name='api_token_role_valid'),
        ),
        migrations.AddConstraint(
            model_name='apitoken',
            constraint=models.CheckConstraint(condition=models.Q(('parent', models.F('id')), _negated=True), name='api_token_not_its_own_parent'),
        ),
    ]
