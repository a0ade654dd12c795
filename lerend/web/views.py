from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from lerend.accounts.sso import selectors as sso_selectors
from lerend.kit import contrib
from lerend.organisations import rules, selectors
from lerend.organisations.decorators import org_member

from .tasks import tasks_for


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    """Send a person with one organisation straight there; otherwise let them choose."""
    organisations = [
        o
        for o in selectors.organisations_for(request.user)
        if sso_selectors.may_open(request, o.pk)
    ]
    if len(organisations) == 1:
        return redirect("web:org_home", organisations[0].slug)
    return render(request, "web/choose_organisation.html", {"organisations": organisations})


@org_member
def org_home(request):
    access = request.access
    context = {
        "my_teams": selectors.my_teams(access),
        "memberships": access.memberships,
        "is_leader": rules.can_view_organisation_overview(access),
        "can_manage": rules.can_manage_organisation(access),
        "tasks": tasks_for(request),
        "widgets": contrib.home_widgets(request),
        "team_members": selectors.team_members(access),
    }
    if context["is_leader"]:
        context["overview"] = selectors.organisation_overview(access.organisation)
        context["locations"] = selectors.visible_locations(access)
    return render(request, "web/org_home.html", context)
