"""A page that logs, for the request-id test."""

import logging

from django.http import HttpResponse
from django.urls import path

logger = logging.getLogger("lerend.test.requestid")


def logs(request):
    logger.info("in the view")
    return HttpResponse("ok")


def fails(request):
    raise RuntimeError("boom")


urlpatterns = [path("logs/", logs), path("fails/", fails)]
