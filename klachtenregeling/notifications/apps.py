from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "klachtenregeling.notifications"
    label = "notifications"
