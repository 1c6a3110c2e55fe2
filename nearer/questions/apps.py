from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "nearer.questions"
    label = "questions"
