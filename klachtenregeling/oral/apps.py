from django.apps import AppConfig


class OralConfig(AppConfig):
    name = "klachtenregeling.oral"
    label = "oral"
