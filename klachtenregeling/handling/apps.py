from django.apps import AppConfig


class HandlingConfig(AppConfig):
    name = "klachtenregeling.handling"
    label = "handling"
