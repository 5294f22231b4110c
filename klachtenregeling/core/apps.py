from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "klachtenregeling.core"
    label = "core"
