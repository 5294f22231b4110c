from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "klachtenregeling.portal"
    label = "portal"
