from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "klachtenregeling.audit"
    label = "audit"
