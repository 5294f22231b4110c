from django.apps import AppConfig


class BrandingConfig(AppConfig):
    name = "klachtenregeling.branding"
    label = "branding"
