from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "klachtenregeling.demo"
    label = "demo"
