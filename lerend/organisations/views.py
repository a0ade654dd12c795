"""Management pages for the beheerder: overview, locations, teams, settings, audit log.
People and memberships live in views_people.py, invitations and import in
invitations/views.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lerend.kit.forms import apply_errors

from . import audit, rules, selectors, services
from .decorators import require
from .forms import LocationForm, SettingsForm, TeamForm
from .models import Location, Organisation, Team

PAGE_SIZE = 25


def _org(request):
    return request.organisation


# Loaders: the object a page is about, fetched through the tenant (404 for another
# organisation's id); the rule declared with each on the view decides 403.
def _location(request, location_id=None):
    """None on the page that adds one."""
    if location_id is None:
        return None
    return get_object_or_404(Location, pk=location_id, organisation=request.organisation)


def _team(request, team_id=None):
    if team_id is None:
        return None
    return get_object_or_404(Team, pk=team_id, organisation=request.organisation)


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@require(rules.can_manage_organisation)
def overview(request):
    org = _org(request)
    context = {
        "counts": selectors.organisation_overview(org),
        "open_invitations": selectors.open_invitation_count(org),
        "teams_without_leader": selectors.teams_without_leader(org),
    }
    return render(request, "organisations/overview.html", context)


# --- locations -----------------------------------------------------------------------------


@require(rules.can_manage_organisation)
def locations(request):
    context = {"locations": selectors.locations_with_counts(_org(request))}
    return render(request, "organisations/locations.html", context)


def _save_form(request, form, *, instance, create, update, created, saved):
    """Create or update through a service; True when saved, else the errors are on the form.
    ``instance`` is re-read first so the audit entry compares with what is stored."""
    values = {f: form.cleaned_data[f] for f in form.Meta.fields}
    try:
        if instance is None:
            create(organisation=_org(request), actor=request.user, **values)
            messages.success(request, created)
        else:
            instance.refresh_from_db()
            update(instance, actor=request.user, **values)
            messages.success(request, saved)
    except ValidationError as error:
        apply_errors(form, error)
        return False
    return True


def _delete(request, obj, *, delete, in_use, done, list_name):
    """Confirm page on GET; on POST delete through the service, or say why not."""
    if request.method != "POST":
        context = {"object": obj, "cancel": list_name}
        return render(request, "organisations/confirm_delete.html", context)
    try:
        delete(obj, actor=request.user)
    except services.InUse:
        messages.error(request, in_use % {"name": obj.name})
    else:
        messages.success(request, done)
    return redirect(list_name, _org(request).slug)


@require(rules.can_manage_organisation, obj=_location)
def location_form(request, location):
    org = _org(request)
    form = LocationForm(request.POST or None, instance=location, organisation=org)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save_form(
            request,
            form,
            instance=location,
            create=services.create_location,
            update=lambda obj, **kw: services.update_location(location=obj, **kw),
            created=_("The location has been added."),
            saved=_("The location has been saved."),
        )
    ):
        return redirect("organisations:locations", org.slug)
    return render(request, "organisations/location_form.html", {"form": form, "location": location})


@require(rules.can_manage_organisation, obj=_location)
def location_delete(request, location):
    return _delete(
        request,
        location,
        delete=lambda obj, **kw: services.delete_location(location=obj, **kw),
        in_use=_(
            "“%(name)s” cannot be deleted: people still work there. End their roles "
            "or move them first."
        ),
        done=_("The location has been deleted."),
        list_name="organisations:locations",
    )


# --- teams ---------------------------------------------------------------------------------


@require(rules.can_manage_organisation)
def teams(request):
    context = {"groups": selectors.teams_by_location(_org(request))}
    return render(request, "organisations/teams.html", context)


@require(rules.can_manage_organisation, obj=_team)
def team_form(request, team):
    org = _org(request)
    initial = {"location": request.GET.get("locatie")} if team is None else None
    form = TeamForm(request.POST or None, instance=team, organisation=org, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save_form(
            request,
            form,
            instance=team,
            create=services.create_team,
            update=lambda obj, **kw: services.update_team(team=obj, **kw),
            created=_("The team has been added."),
            saved=_("The team has been saved."),
        )
    ):
        return redirect("organisations:teams", org.slug)
    return render(request, "organisations/team_form.html", {"form": form, "team": team})


@require(rules.can_manage_organisation, obj=_team)
def team_delete(request, team):
    return _delete(
        request,
        team,
        delete=lambda obj, **kw: services.delete_team(team=obj, **kw),
        in_use=_(
            "“%(name)s” cannot be deleted: people are still in this team. End their "
            "roles or move them first."
        ),
        done=_("The team has been deleted."),
        list_name="organisations:teams",
    )


# --- settings and audit log ----------------------------------------------------------------


@require(rules.can_manage_organisation)
def settings_view(request):
    org = _org(request)
    # A copy: an invalid form must not change the name shown in the page header.
    form = SettingsForm(request.POST or None, instance=Organisation.objects.get(pk=org.pk))
    if request.method == "POST" and form.is_valid():
        values = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            services.update_settings(organisation=org, actor=request.user, **values)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("organisations:settings", org.slug)
    return render(request, "organisations/settings.html", {"form": form})


@require(rules.can_view_audit_log)
def audit_log(request):
    action = request.GET.get("actie", "")
    if action not in audit.registry():
        action = ""
    page = paginate(request, selectors.audit_entries(_org(request), action=action))
    for entry in page:
        entry.label = audit.action_label(entry.action)
        keys = list(dict.fromkeys([*(entry.before or {}), *(entry.after or {})]))
        entry.changes = [
            selectors.audit_change(entry.target_type, k, entry.before, entry.after) for k in keys
        ]
    context = {"page": page, "action": action, "action_groups": audit.action_choices()}
    return render(request, "organisations/audit_log.html", context)
