"""Team reflections: a team record, read and written by the team's members and the
leaders covering the team (others in the organisation: 403; other tenants: 404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.forms import apply_errors
from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import org_member, require

from .. import rules, selectors, services
from ..forms.reflection import ReflectionActionForm, ReflectionForm

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _reflection_for_viewer(request, reflection_id):
    return selectors.reflection_for_viewer(request.access, reflection_id)


def _form(request, data=None, initial=None):
    return ReflectionForm(
        data,
        initial=initial,
        teams=team_picker.scope(request, "learning.reflection_teams"),
        people=picker.scope(request, "learning.reflection_people"),
    )


@org_member
def reflection_list(request):
    access = request.access
    context = {
        "reflections": list(selectors.reflections_visible_to(access)),
        "can_create": rules.can_hold_reflection(access),
    }
    return render(request, "learning/reflection_list.html", context)


@require(rules.can_hold_reflection)
def reflection_create(request):
    form = _form(request, request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            reflection = services.create_reflection(
                access=request.access, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Reflection saved."))
            return redirect("learning:reflection_detail", request.organisation.slug, reflection.pk)
    return render(request, "learning/reflection_form.html", {"form": form})


@require(rules.can_work_on_team_reflection, obj=_reflection_for_viewer)
def reflection_edit(request, reflection):
    initial = {
        "team": reflection.team_id,
        "participants": list(reflection.participants.all()),
        **{name: getattr(reflection, name) for name in services.REFLECTION_FIELDS},
    }
    form = _form(request, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values.pop("team")  # a reflection stays with its team
        try:
            services.update_reflection(reflection=reflection, **values)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("learning:reflection_detail", request.organisation.slug, reflection.pk)
    return render(
        request, "learning/reflection_form.html", {"form": form, "reflection": reflection}
    )


def _action_form(request, reflection, data=None):
    return ReflectionActionForm(
        data,
        people=picker.scope(request, "learning.reflection_people", team=reflection.team_id),
    )


@require(rules.can_work_on_team_reflection, obj=_reflection_for_viewer)
def reflection_detail(request, reflection):
    context = {
        "reflection": reflection,
        "participants": list(reflection.participants.order_by("name", "id")),
        "actions": list(reflection.actions.select_related("owner").order_by("id")),
        "action_form": _action_form(request, reflection),
    }
    return render(request, "learning/reflection_detail.html", context)


@require(rules.can_work_on_team_reflection, obj=_reflection_for_viewer)
def reflection_action(request, reflection):
    """ "Maak er een actie van": an outcome becomes an Action on the team board."""
    form = _action_form(request, reflection, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_to_action(
                reflection=reflection, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The action is on the team's board."))
            return redirect("learning:reflection_detail", request.organisation.slug, reflection.pk)
    return render(
        request, "learning/reflection_action.html", {"form": form, "reflection": reflection}
    )
