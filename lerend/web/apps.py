from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "lerend.web"
    label = "web"
