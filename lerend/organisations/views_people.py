"""People and their memberships. The list is readable by leaders within their scope;
everything else is for the beheerder."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.kit.forms import apply_errors

from . import people_export, rules, selectors, services, team_picker
from .decorators import require
from .forms import MembershipForm
from .models import Membership, Role

PAGE_SIZE = 25


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _filters(request) -> dict:
    """The list's filters from the query string, clamped to what this viewer may use; the
    page and its exports read them here, so an export is always exactly the list."""
    access = request.access
    status = request.GET.get("status")
    return {
        "query": request.GET.get("q", "").strip()[:100],
        "location_id": _int(request.GET.get("locatie")),
        "team_id": _int(request.GET.get("team")),
        "role": request.GET.get("rol", "") if request.GET.get("rol") in Role.values else "",
        "former": status == "oud" and rules.can_manage_organisation(access),
        "pending": status == "open",
    }


def _mark_invitations(people) -> None:
    """``invitation_open`` on each pending person: their newest invitation here still works."""
    now = timezone.now()
    for person in people:
        expires = person.invitation_expires_at
        person.invitation_open = bool(person.is_pending and expires and expires > now)


@require(rules.can_view_people)
def people(request):
    access = request.access
    filters = _filters(request)
    qs = selectors.visible_people(access, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    _mark_invitations(page)
    querystring = request.GET.copy()
    querystring.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "choices": selectors.filter_choices(access),
        "roles": Role.choices,
        "can_manage": rules.can_manage_organisation(access),
        "show_email": selectors.people_list_shows_email(access),
        "querystring": querystring.urlencode(),
    }
    return render(request, "organisations/people.html", context)


def _export(request, fmt: str):
    access = request.access
    org = request.organisation
    filters = _filters(request)
    people = selectors.visible_people(access, **filters)
    show_email = selectors.people_list_shows_email(access)
    people_export.record_export(
        organisation=org, actor=request.user, fmt=fmt, count=people.count(), filters=filters
    )
    rows = people_export.rows(
        people, organisation=org, former=filters["former"], show_email=show_email
    )
    header = people_export.header(show_email=show_email)
    filename = f"{org.slug}-mensen-{timezone.localdate().isoformat()}.{fmt}"
    return people_export.response(fmt, header, rows, filename)


@require(rules.can_view_people)
def people_export_csv(request):
    return _export(request, "csv")


@require(rules.can_view_people)
def people_export_xlsx(request):
    return _export(request, "xlsx")


# Loaders: the object a page is about, fetched through the tenant (404 for another
# organisation's id); the rule declared with each on the view decides 403.
def _membership(request, membership_id):
    return get_object_or_404(
        Membership.objects.select_related("person"),
        pk=membership_id,
        organisation=request.organisation,
    )


def _person_or_404(request, person_id):
    person = selectors.person_in_organisation(request.organisation, person_id)
    if person is None:
        raise Http404
    return person


@require(rules.can_manage_organisation, obj=_person_or_404)
def person(request, person):
    org = request.organisation
    memberships = selectors.person_memberships(org, person)
    context = {
        "person": person,
        "memberships": memberships,
        "has_active": any(m.end_date is None or m.end_date >= _today() for m in memberships),
        "now": timezone.now(),
        **selectors.person_pending(org, person),
    }
    return render(request, "organisations/person.html", context)


def _today():
    return timezone.localdate()


def _teams(request):
    return team_picker.scope(request, "organisations.teams")


def _membership_values(form):
    return {f: form.cleaned_data[f] for f in form.Meta.fields}


@require(rules.can_manage_organisation, obj=_person_or_404)
def membership_create(request, person):
    org = request.organisation
    form = MembershipForm(request.POST or None, organisation=org, teams=_teams(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.create_membership(
                organisation=org, actor=request.user, person=person, **_membership_values(form)
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The role has been added."))
            return redirect("organisations:person", org.slug, person.pk)
    return render(request, "organisations/membership_form.html", {"form": form, "person": person})


@require(rules.can_manage_organisation, obj=_membership)
def membership_edit(request, membership):
    org = request.organisation
    form = MembershipForm(
        request.POST or None, instance=membership, organisation=org, teams=_teams(request)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_membership(
                membership=membership, actor=request.user, **_membership_values(form)
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The role has been saved."))
            return redirect("organisations:person", org.slug, membership.person_id)
    context = {"form": form, "person": membership.person, "membership": membership}
    return render(request, "organisations/membership_form.html", context)


@require_POST
@require(rules.can_manage_organisation, obj=_membership)
def membership_end(request, membership):
    org = request.organisation
    services.end_membership(membership=membership, actor=request.user)
    messages.success(request, _("The role has been ended."))
    return redirect("organisations:person", org.slug, membership.person_id)


@require(rules.can_manage_organisation, obj=_person_or_404)
def person_deactivate(request, person):
    org = request.organisation
    if person.pk == request.user.pk:
        messages.error(request, _("You cannot deactivate yourself."))
        return redirect("organisations:person", org.slug, person.pk)
    if request.method == "POST":
        services.deactivate_person(organisation=org, person=person, actor=request.user)
        messages.success(
            request,
            _("%(name)s no longer has access to %(organisation)s.")
            % {"name": person.name, "organisation": org.name},
        )
        return redirect("organisations:person", org.slug, person.pk)
    return render(request, "organisations/person_deactivate.html", {"person": person})


@require_POST
@require(rules.can_manage_organisation, obj=_person_or_404)
def person_reactivate(request, person):
    org = request.organisation
    services.reactivate_person(organisation=org, person=person, actor=request.user)
    messages.success(
        request, _("%(name)s can log in again. Add the role they have now.") % {"name": person.name}
    )
    return redirect("organisations:membership_create", org.slug, person.pk)
