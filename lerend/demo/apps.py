from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lerend.demo"
    label = "demo"
