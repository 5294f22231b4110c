from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "klachtenregeling.questions"
    label = "questions"
