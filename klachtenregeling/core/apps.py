from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "klachtenregeling.core"
    label = "core"

    def ready(self) -> None:
        from . import checks

        checks.register()
