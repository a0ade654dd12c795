"""Review conversations about a POP: only its owner and the chosen reviewer see them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import org_member

from .. import selectors, services
from ..forms.reviews import NotesForm, ReviewForm


@org_member
def review_create(request, plan_id):
    access = request.access
    plan = selectors.pop_for_owner(access, request.user, plan_id)
    form = ReviewForm(
        request.POST or None,
        people=selectors.share_target_people(access, request.user),
        roles=selectors.share_target_roles(access, request.user),
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


@org_member
def review_detail(request, review_id):
    """Both parties read and edit the shared notes here and confirm them."""
    review = selectors.review_for_viewer(request.access, request.user, review_id)
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
@org_member
def review_confirm(request, review_id):
    review = selectors.review_for_viewer(request.access, request.user, review_id)
    try:
        services.confirm_review(review=review, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You confirmed the notes."))
    return redirect("learning:review_detail", request.organisation.slug, review.pk)
