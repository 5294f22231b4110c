from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "klachtenregeling.retention"
    label = "retention"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import checks, database

        checks.register()
        connection_created.connect(database.on_connection_created)
