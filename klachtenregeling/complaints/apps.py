from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "klachtenregeling.complaints"
    label = "complaints"
