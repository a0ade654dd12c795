from django.shortcuts import render

from . import rules
from .decorators import require


@require(rules.can_manage_organisation)
def overview(request):
    return render(request, "organisations/overview.html")


@require(rules.can_view_people)
def people(request):
    return render(request, "organisations/people.html")
