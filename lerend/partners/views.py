"""Partner pages: the registry, one partner (contacts, agreements, activities), the pulse
and its public single-use answer page."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import require

from . import rules, selectors, services
from .forms import ActivityForm, AgreementForm, ContactForm, FilterForm, PartnerForm, PulseForm
from .models import Agreement, Contact, Partner, Pulse
from .pulse import ITEMS, SCALE


def _partner(request, partner_id):
    return get_object_or_404(Partner, organisation=request.organisation, pk=partner_id)


def _contact(request, contact_id):
    return get_object_or_404(
        Contact.objects.select_related("partner"),
        partner__organisation=request.organisation,
        pk=contact_id,
    )


def _agreement(request, agreement_id):
    return get_object_or_404(
        Agreement.objects.select_related("partner"),
        partner__organisation=request.organisation,
        pk=agreement_id,
    )


def _pulse(request, pulse_id):
    return get_object_or_404(Pulse, organisation=request.organisation, pk=pulse_id)


@require_safe
@require(rules.can_view)
def index(request):
    form = FilterForm(request.GET or None)
    kind = query = ""
    if form.is_valid():
        kind, query = form.cleaned_data["kind"], form.cleaned_data["q"]
    page = Paginator(
        selectors.partners_for(request.organisation, kind=kind, query=query), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/index.html",
        {
            "form": form,
            "page": page,
            "can_edit": rules.can_edit(request.access),
            "pulses": Pulse.objects.filter(organisation=request.organisation)[:10],
        },
    )


def _save_form(request, form, build, template, context):
    if request.method == "POST" and form.is_valid():
        try:
            saved = build(form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return saved
    return render(request, template, {"form": form, **context})


@require(rules.can_edit)
def partner_create(request):
    form = PartnerForm(request.POST or None, organisation=request.organisation)

    def build(form):
        partner = form.save(commit=False)
        partner.organisation = request.organisation
        services.save_partner(
            partner=partner, actor=request.user, locations=form.cleaned_data["locations"]
        )
        return redirect("partners:detail", request.organisation.slug, partner.pk)

    return _save_form(request, form, build, "partners/form.html", {"title": _("New partner")})


@require(rules.can_edit, obj=_partner)
def partner_edit(request, partner):
    form = PartnerForm(request.POST or None, instance=partner, organisation=request.organisation)

    def build(form):
        services.save_partner(
            partner=form.save(commit=False),
            actor=request.user,
            locations=form.cleaned_data["locations"],
        )
        return redirect("partners:detail", request.organisation.slug, partner.pk)

    return _save_form(
        request, form, build, "partners/form.html", {"title": partner.name, "partner": partner}
    )


@require_safe
@require(rules.can_view, obj=_partner)
def partner_detail(request, partner):
    see_contacts = rules.can_see_contacts(request.access, partner)
    return render(
        request,
        "partners/detail.html",
        {
            "partner": partner,
            "can_edit": rules.can_edit(request.access),
            "see_contacts": see_contacts,
            "contacts": list(partner.contacts.all()) if see_contacts else [],
            "agreements": list(partner.agreements.select_related("owner")),
            "activities": list(partner.activities.select_related("goal", "theme")[:50]),
            "locations": list(partner.locations.all()),
            "today": timezone.localdate(),
        },
    )


@require(rules.can_edit, obj=_partner)
def contact_create(request, partner):
    form = ContactForm(request.POST or None)

    def build(form):
        contact = form.save(commit=False)
        contact.partner = partner
        if contact.keep_until > timezone.localdate() + datetime.timedelta(days=731):
            raise ValidationError(
                {"keep_until": _("Keep contact details at most two years ahead.")}
            )
        services.save_contact(contact=contact, actor=request.user)
        return redirect("partners:detail", request.organisation.slug, partner.pk)

    return _save_form(
        request,
        form,
        build,
        "partners/form.html",
        {"title": _("New contact"), "partner": partner, "privacy_note": True},
    )


@require_POST
@require(rules.can_edit, obj=_contact)
def contact_delete(request, contact):
    partner = contact.partner
    services.delete_contact(contact=contact, actor=request.user)
    messages.success(request, _("The contact has been deleted."))
    return redirect("partners:detail", request.organisation.slug, partner.pk)


@require(rules.can_edit, obj=_partner)
def agreement_create(request, partner):
    form = AgreementForm(request.POST or None)

    def build(form):
        agreement = form.save(commit=False)
        agreement.partner = partner
        agreement.owner = request.user
        services.save_agreement(agreement=agreement, actor=request.user)
        return redirect("partners:detail", request.organisation.slug, partner.pk)

    return _save_form(
        request,
        form,
        build,
        "partners/form.html",
        {"title": _("New agreement"), "partner": partner},
    )


@require_POST
@require(rules.can_edit, obj=_agreement)
def agreement_reviewed(request, agreement):
    services.confirm_agreement_review(
        agreement=agreement,
        actor=request.user,
        next_review=timezone.localdate() + datetime.timedelta(days=365),
    )
    messages.success(request, _("Noted: still right. The next review is in a year."))
    return redirect("partners:detail", request.organisation.slug, agreement.partner_id)


@require(rules.can_edit, obj=_partner)
def activity_create(request, partner):
    form = ActivityForm(request.POST or None, organisation=request.organisation)

    def build(form):
        activity = form.save(commit=False)
        activity.partner = partner
        services.save_activity(activity=activity, actor=request.user)
        return redirect("partners:detail", request.organisation.slug, partner.pk)

    return _save_form(
        request,
        form,
        build,
        "partners/form.html",
        {"title": _("New joint activity"), "partner": partner, "handover_note": True},
    )


@require(rules.can_edit)
def pulse_create(request):
    form = PulseForm(request.POST or None, organisation=request.organisation)

    def build(form):
        data = form.cleaned_data
        pulse = services.create_pulse(
            organisation=request.organisation,
            actor=request.user,
            title=data["title"],
            partners=list(data["partners"]),
            closes_on=data["closes_on"],
        )
        messages.success(
            request, _("The pulse has been sent: %(n)s links.") % {"n": pulse.links.count()}
        )
        return redirect("partners:pulse", request.organisation.slug, pulse.pk)

    return _save_form(
        request, form, build, "partners/form.html", {"title": _("New partnership pulse")}
    )


@require_safe
@require(rules.can_edit, obj=_pulse)
def pulse_detail(request, pulse):
    ready, results = selectors.pulse_results(pulse)
    return render(
        request, "partners/pulse.html", {"pulse": pulse, "ready": ready, "results": results}
    )


def pulse_answer(request, token):
    """Public, no account: one single-use link. Unknown, used or closed links: 404."""
    link = services.link_for(token)
    if link is None or link.used or link.pulse.closes_on < timezone.localdate():
        raise Http404
    error = None
    if request.method == "POST":
        scores = {key: request.POST.get(key, "") for key, _label in ITEMS}
        try:
            services.answer_pulse(
                token=token, scores={k: int(v) for k, v in scores.items() if v.isdigit()}
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return render(
                request, "partners/pulse_thanks.html", {"organisation": link.pulse.organisation}
            )
    return render(
        request,
        "partners/pulse_answer.html",
        {"link": link, "items": ITEMS, "scale": SCALE, "error": error, "k": link.pulse.k},
    )
