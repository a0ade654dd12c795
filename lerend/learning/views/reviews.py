"""Review conversations about a POP: only its owner and the chosen reviewer see them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.kit.forms import apply_errors
from lerend.organisations import picker
from lerend.organisations.decorators import any_member, require

from .. import selectors, services
from ..forms.reviews import NotesForm, ReviewForm

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _pop_for_owner(request, plan_id):
    return selectors.pop_for_owner(request.access, request.user, plan_id)


def _review_for_viewer(request, review_id):
    return selectors.review_for_viewer(request.access, request.user, review_id)


@require(any_member, obj=_pop_for_owner)
def review_create(request, plan):
    access = request.access
    form = ReviewForm(
        request.POST or None,
        people=picker.scope(request, "learning.share_targets"),
        initial={"held_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            review = services.create_review(access=access, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Conversation planned."))
            return redirect("learning:review_detail", request.organisation.slug, review.pk)
    return render(request, "learning/review_form.html", {"form": form, "plan": plan})


@require(any_member, obj=_review_for_viewer)
def review_detail(request, review):
    """Both parties read and edit the shared notes here and confirm them."""
    form = NotesForm(
        request.POST or None, initial={"notes": review.notes, "held_on": review.held_on}
    )
    if request.method == "POST" and form.is_valid():
        changed = form.cleaned_data["notes"] != review.notes
        services.save_review_notes(review=review, **form.cleaned_data)
        messages.success(
            request,
            _("Notes saved. Both of you confirm them again.") if changed else _("Saved."),
        )
        return redirect("learning:review_detail", request.organisation.slug, review.pk)
    is_owner = review.plan.owner_id == request.user.pk
    mine = review.owner_confirmed_at if is_owner else review.reviewer_confirmed_at
    context = {"review": review, "form": form, "is_owner": is_owner, "confirmed_by_me": mine}
    return render(request, "learning/review_detail.html", context)


@require_POST
@require(any_member, obj=_review_for_viewer)
def review_confirm(request, review):
    try:
        services.confirm_review(review=review, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You confirmed the notes."))
    return redirect("learning:review_detail", request.organisation.slug, review.pk)
