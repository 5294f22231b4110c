"""Dutch full-text index for the officer's search, on PostgreSQL only (SQLite uses LIKE)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "complaint_fulltext_nl"


def _index() -> GinIndex:
    # Must equal klachtenregeling.complaints.selectors.SEARCH_VECTOR.
    vector = SearchVector(
        "complainant_name", "on_behalf_of", "description", "desired_outcome", config="dutch"
    )
    return GinIndex(vector, name=INDEX_NAME)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("complaints", "Complaint"), _index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("complaints", "Complaint"), _index())


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
