from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "klachtenregeling.accounts"
    label = "accounts"
