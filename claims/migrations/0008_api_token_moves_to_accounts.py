"""API tokens move to their own app (factdesk.accounts): claims forgets the model, the table stays.

Only the migration state changes here; the table claims_apitoken and every row
in it are kept, and accounts.0001 takes the model over under the same table name.
"""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_job_outbox_heartbeat_url")]
    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="ApiToken")],
                                            database_operations=[]),
    ]
