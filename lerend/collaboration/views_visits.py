"""Visits and observations, feedback, sharing, and lesson designs.

Every visit is fetched through ``selectors``: someone who is not the observed, an observer
or a person the observed shared with gets 404 — whatever their role.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.improvement.selectors import core_values_for
from lerend.kit.forms import apply_errors
from lerend.organisations import picker, team_picker, wording
from lerend.organisations.decorators import any_member, org_member, require

from . import catalogue, rules, selectors, services
from .forms import (
    DesignForm,
    FeedbackForm,
    ObservationForm,
    PeerReviewForm,
    VisitForm,
    VisitShareForm,
)


# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may not
# know of it (a visit is a personal record). The rule declared with each decides 403.
def _visit(request, visit_id):
    return selectors.visit_for_viewer(request.access, visit_id)


def _visit_share(request, visit_share_id):
    return selectors.visit_share_for_observed(request.access, request.user, visit_share_id)


def _design(request, design_id):
    return selectors.design_for_viewer(request.access, request.user, design_id)


def _rubric_page(request, rubric_key):
    try:
        return catalogue.rubric_for(rubric_key, core_values=core_values_for(request.organisation))
    except KeyError:
        raise Http404 from None


def _rubric(visit):
    if not visit.rubric_key:
        return None
    try:
        return catalogue.rubric_for(
            visit.rubric_key,
            core_values=core_values_for(visit.organisation, team=visit.team),
        )
    except KeyError:
        return None


def _visit_form(request, data=None, **kwargs):
    access = request.access
    return VisitForm(
        data,
        people=picker.scope(request, "collaboration.colleagues"),
        teams=team_picker.scope(request, "collaboration.all_teams"),
        designs=selectors.designs_visible_to(access, request.user).order_by("title"),
        lessons=wording.offers_lessons(access.organisation),
        **kwargs,
    )


@org_member
def visit_list(request):
    access, user = request.access, request.user
    visits = list(selectors.visits_visible_to(access, user))
    context = {
        "offers_lessons": wording.offers_lessons(request.organisation),
        "received": [v for v in visits if v.observed_id == user.pk],
        "made": [v for v in visits if any(o.pk == user.pk for o in v.observers.all())],
        "shared": [
            v
            for v in visits
            if v.observed_id != user.pk and all(o.pk != user.pk for o in v.observers.all())
        ],
        "designs": list(selectors.designs_visible_to(access, user).order_by("-created_at")[:20]),
        "rubrics": catalogue.rubrics(),
    }
    return render(request, "collaboration/visit_list.html", context)


@org_member
def visit_create(request):
    initial = {"observed": request.user, "date": timezone.localdate()}
    if request.organisation.is_childcare:
        initial |= {"kind": "groepsobservatie", "rubric_key": "interactievaardigheden"}
    else:
        initial |= {"kind": "lesbezoek", "rubric_key": "klas"}
    form = _visit_form(request, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            visit = services.plan_visit(
                organisation=request.organisation,
                actor=request.user,
                observed=data.pop("observed"),
                observers=list(data.pop("observers")),
                **data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("Visit planned. Only the observed person and the observers see it.")
            )
            return redirect("collaboration:visit_detail", request.organisation.slug, visit.pk)
    return render(request, "collaboration/visit_form.html", {"form": form, "visit": None})


@require(rules.can_see_visit, obj=_visit)
def visit_detail(request, visit):
    return render(request, "collaboration/visit_detail.html", _detail_context(request, visit))


def _detail_context(request, visit, share_form=None):
    access, user = request.access, request.user
    rubric = _rubric(visit)
    observations = selectors.observations_of(visit)
    is_observed = rules.is_observed(access, visit)
    design = visit.lesson_design
    if design and not selectors.designs_visible_to(access, user).filter(pk=design.pk).exists():
        design = None
    # Only what was observed: on a phone, twelve "not observed" lines hide the two that matter.
    domains = []
    if rubric:
        for domain in rubric.domains:
            rows = [(i, observations[i.key]) for i in domain.items if i.key in observations]
            if rows:
                domains.append((domain, rows))
    if is_observed and share_form is None:
        share_form = VisitShareForm(
            people=picker.scope(request, "collaboration.visit_share", visit=visit.pk)
        )
    return {
        "visit": visit,
        "rubric": rubric,
        "domains": domains,
        "levels": {lv.key: lv.label for lv in rubric.scale} if rubric else {},
        "is_observed": is_observed,
        "is_party": rules.is_visit_party(access, visit),
        "is_observer": rules.is_observer(access, visit),
        "design": design,
        "shares": list(selectors.shares_of(visit)) if is_observed else [],
        "share_form": share_form if is_observed else None,
    }


@require(rules.can_edit_visit, obj=_visit)
def visit_edit(request, visit):
    initial = {
        "kind": visit.kind,
        "observers": list(visit.observers.all()),
        "external_observers": visit.external_observers,
        "date": visit.date,
        "team": visit.team,
        "rubric_key": visit.rubric_key,
        "focus_question": visit.focus_question,
        "lesson_design": visit.lesson_design,
    }
    form = _visit_form(request, request.POST or None, initial=initial, with_observed=False)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_visit(
                visit=visit, actor=request.user, observers=list(data.pop("observers")), **data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("collaboration:visit_detail", request.organisation.slug, visit.pk)
    return render(request, "collaboration/visit_form.html", {"form": form, "visit": visit})


@require(rules.can_observe, obj=_visit)
def visit_observe(request, visit):
    """The observation form from the visit's rubric — for the observers."""
    rubric = _rubric(visit)
    if rubric is None:
        raise Http404
    form = ObservationForm(
        request.POST or None, rubric=rubric, observations=selectors.observations_of(visit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_observation(visit=visit, rubric=rubric, entries=form.entries())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Observation saved."))
            return redirect("collaboration:visit_detail", request.organisation.slug, visit.pk)
    context = {"form": form, "visit": visit, "rubric": rubric}
    return render(request, "collaboration/visit_observe.html", context)


@require(rules.can_give_feedback, obj=_visit)
def visit_feedback(request, visit):
    """Tops, tips and the notes of the feedback conversation — observed and observers."""
    initial = {
        "tops": visit.tops,
        "tips": visit.tips,
        "feedback_notes": visit.feedback_notes,
        "held": visit.status == "gehouden",
    }
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.record_feedback(visit=visit, **form.cleaned_data)
        messages.success(request, _("Feedback saved."))
        return redirect("collaboration:visit_detail", request.organisation.slug, visit.pk)
    return render(request, "collaboration/visit_feedback.html", {"form": form, "visit": visit})


@require(rules.can_give_feedback, obj=_visit)
def visit_peer_review(request, visit):
    if not visit.is_peer_review:
        raise Http404
    initial = {
        "self_evaluation": visit.self_evaluation,
        "programme": visit.programme,
        "report": visit.report,
    }
    form = PeerReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.record_peer_review(visit=visit, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("collaboration:visit_detail", request.organisation.slug, visit.pk)
    return render(request, "collaboration/visit_peer_review.html", {"form": form, "visit": visit})


@require_POST
@require(rules.can_share_visit, obj=_visit)
def visit_share(request, visit):
    """A refused share shows the visit again with the error next to the field; nothing is
    written."""
    user = request.user
    form = VisitShareForm(
        request.POST, people=picker.scope(request, "collaboration.visit_share", visit=visit.pk)
    )
    if form.is_valid():
        try:
            services.share_visit(actor=user, visit=visit, person=form.cleaned_data["person"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Shared. You can take it back at any time."))
            return redirect("collaboration:visit_detail", request.organisation.slug, visit.pk)
    context = _detail_context(request, visit, share_form=form)
    return render(request, "collaboration/visit_detail.html", context)


@require_POST
@require(rules.can_revoke_visit_share, obj=_visit_share)
def visit_share_revoke(request, share):
    visit_id = share.visit_id
    services.revoke_visit_share(share=share)
    messages.success(request, _("No longer shared."))
    return redirect("collaboration:visit_detail", request.organisation.slug, visit_id)


@require_POST
@require(rules.can_delete_visit, obj=_visit)
def visit_delete(request, visit):
    services.delete_visit(visit=visit)
    messages.success(request, _("Visit deleted."))
    return redirect("collaboration:visit_list", request.organisation.slug)


@require(any_member, obj=_rubric_page)
def rubric_detail(request, rubric):
    return render(request, "collaboration/rubric_detail.html", {"rubric": rubric})


# --- lesson designs -------------------------------------------------------------------------


@org_member
def design_create(request):
    form = DesignForm(
        request.POST or None, people=picker.scope(request, "collaboration.colleagues")
    )
    if request.method == "POST" and form.is_valid():
        try:
            design = services.save_design(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Lesson design saved."))
            return redirect("collaboration:design_detail", request.organisation.slug, design.pk)
    return render(request, "collaboration/design_form.html", {"form": form, "design": None})


@require(any_member, obj=_design)
def design_detail(request, design):
    access, user = request.access, request.user
    visits = selectors.visits_visible_to(access, user).filter(lesson_design=design)
    context = {"design": design, "visits": list(visits)}
    return render(request, "collaboration/design_detail.html", context)


@require(rules.can_edit_design, obj=_design)
def design_edit(request, design):
    initial = {
        "title": design.title,
        "goal": design.goal,
        "plan": design.plan,
        "participants": list(design.participants.all()),
    }
    form = DesignForm(
        request.POST or None,
        initial=initial,
        people=picker.scope(request, "collaboration.colleagues"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_design(
                organisation=request.organisation,
                actor=request.user,
                design=design,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("collaboration:design_detail", request.organisation.slug, design.pk)
    return render(request, "collaboration/design_form.html", {"form": form, "design": design})
