from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "klachtenregeling.website"
    label = "website"
