from django.apps import AppConfig
from django.core.signals import request_finished


class OpsConfig(AppConfig):
    name = "lerend.ops"
    label = "ops"

    def ready(self) -> None:
        from lerend.ops import requestid  # noqa: PLC0415 — app registry must be ready

        request_finished.connect(requestid.clear, dispatch_uid="lerend.ops.requestid.clear")
