"""Recovery codes are stored as a keyed hash (accounts/two_factor.py::recovery_code_digest);
codes made before are hashed in place, so they keep working."""

from django.db import migrations


def hash_existing_codes(apps, schema_editor):
    from klachtenregeling.accounts.two_factor import RECOVERY_CODE, recovery_code_digest

    StaticToken = apps.get_model("otp_static", "StaticToken")
    for token in StaticToken.objects.using(schema_editor.connection.alias).iterator():
        if RECOVERY_CODE.match(token.token):  # still the code itself
            token.token = recovery_code_digest(token.token)
            token.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_session_generation"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_existing_codes, migrations.RunPython.noop)]
