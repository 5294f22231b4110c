from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "klachtenregeling.reminders"
    label = "reminders"
