from django.apps import AppConfig


class EngagementsConfig(AppConfig):
    name = "klachtenregeling.engagements"
    label = "engagements"
