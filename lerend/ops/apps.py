from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "lerend.ops"
    label = "ops"
