from django.apps import AppConfig


class RegulationConfig(AppConfig):
    name = "klachtenregeling.regulation"
    label = "regulation"
