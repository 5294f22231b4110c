from django.apps import AppConfig


class SuggestionsConfig(AppConfig):
    name = "klachtenregeling.suggestions"
    label = "suggestions"
