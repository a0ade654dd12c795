"""Invitations (list, invite, revoke, resend) and the staff import, for the beheerder."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.kit.forms import apply_errors

from .. import imports, rules, selectors, team_picker
from ..decorators import require
from ..forms import ImportUploadForm, InvitationForm
from ..models import Invitation
from . import services

PAGE_SIZE = 25


def _invitation(request, invitation_id):
    """Through the tenant: another organisation's invitation is 404."""
    return get_object_or_404(Invitation, pk=invitation_id, organisation=request.organisation)


def _nothing_to_preview(request):
    return not request.session.get(_session_key(request))


@require(rules.can_manage_organisation)
def invitations(request):
    qs = selectors.invitations_for(request.organisation)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for invitation in page:
        invitation.state = services.invitation_state(invitation)
    return render(request, "organisations/invitations.html", {"page": page})


@require(rules.can_manage_organisation)
def invite(request):
    org = request.organisation
    form = InvitationForm(
        request.POST or None,
        organisation=org,
        teams=team_picker.scope(request, "organisations.teams"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_person(
                organisation=org,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("organisations:invitations", org.slug)
    context = {"form": form, "invitation_days": settings.INVITATION_VALID_DAYS}
    return render(request, "organisations/invite.html", context)


@require_POST
@require(rules.can_manage_organisation, obj=_invitation)
def invitation_revoke(request, invitation):
    services.revoke_invitation(invitation=invitation, actor=request.user)
    messages.success(request, _("The invitation has been revoked."))
    return redirect("organisations:invitations", request.organisation.slug)


@require_POST
@require(rules.can_manage_organisation, obj=_invitation)
def invitation_resend(request, invitation):
    try:
        services.resend_invitation(invitation=invitation, actor=request.user)
    except services.InvitationUnavailable:
        messages.error(request, _("This invitation has been used or revoked; invite again."))
    else:
        messages.success(
            request, _("A new link has been sent to %(email)s.") % {"email": invitation.email}
        )
    return redirect("organisations:invitations", request.organisation.slug)


# --- staff import --------------------------------------------------------------------------


def _session_key(request) -> str:
    return f"lerend_staff_import_{request.organisation.pk}"


@require(rules.can_manage_organisation)
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > imports.MAX_BYTES:
                raise imports.ImportFileError(
                    _("The file is larger than 2 MB. Split it into smaller files.")
                )
            rows = imports.parse_upload(upload.name, upload.read())
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            # Only the raw cells are kept; the confirmed import checks them all again.
            request.session[_session_key(request)] = {"filename": upload.name, "rows": rows}
            return redirect("organisations:import_preview", request.organisation.slug)
    return render(request, "organisations/import_upload.html", {"form": form})


@require(rules.can_manage_organisation, redirects=_nothing_to_preview)
def import_preview(request):
    org = request.organisation
    stored = request.session.get(_session_key(request))
    if not stored:
        messages.error(request, _("Upload a file first."))
        return redirect("organisations:import_upload", org.slug)
    if request.method == "POST":
        try:
            result = services.import_staff(
                organisation=org,
                actor=request.user,
                raw_rows=stored["rows"],
            )
        except services.ImportInvalid:
            messages.error(
                request, _("The data changed since the check. Look at the errors below.")
            )
        else:
            del request.session[_session_key(request)]
            messages.success(
                request,
                _(
                    "%(rows)s people imported: %(new)s new (they get an invitation by e-mail), "
                    "%(existing)s with an existing account."
                )
                % {
                    "rows": result["rows"],
                    "new": result["new_people"],
                    "existing": result["existing_people"],
                },
            )
            return redirect("organisations:people", org.slug)
    rows = imports.validate_rows(stored["rows"], imports.build_context(org))
    error_count = sum(1 for row in rows if row.errors)
    context = {"rows": rows, "filename": stored["filename"], "error_count": error_count}
    return render(request, "organisations/import_preview.html", context)
