from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "klachtenregeling.letters"
    label = "letters"
