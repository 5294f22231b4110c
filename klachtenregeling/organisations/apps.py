from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "klachtenregeling.organisations"
    label = "organisations"
