"""Development themes: propose, support, decide (steering group), projects; and the steering
group itself. Support works as a plain POST and, with htmx, swaps just the button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.kit.forms import apply_errors
from lerend.organisations import picker
from lerend.organisations.decorators import require

from .. import rules, selectors, services
from ..forms.development_themes import (
    DecisionForm,
    ProjectForm,
    SteeringForm,
    ThemeFilterForm,
    ThemeForm,
)
from ..models import Goal

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _theme(request, theme_id):
    return selectors.theme_or_404(request.organisation, request.user, theme_id)


def _steering_member_or_404(request, steering_member_id):
    return selectors.steering_member_or_404(request.organisation, steering_member_id)


@require(rules.can_read_themes)
def theme_list(request):
    org = request.organisation
    form = ThemeFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    context = {
        "filter_form": form,
        "themes": selectors.themes(org, request.user, status=status),
        "status": status,
        "can_decide": rules.can_decide_theme(request.access),
    }
    return render(request, "improvement/themes.html", context)


@require(rules.can_propose_theme)
def theme_create(request):
    org = request.organisation
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.propose_theme(
                organisation=org, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Thank you. Colleagues can now support your theme."))
            return redirect("improvement:theme_detail", org.slug, theme.pk)
    return render(request, "improvement/theme_form.html", {"form": form})


@require(rules.can_read_themes, obj=_theme)
def theme_detail(request, theme):
    access = request.access
    context = {
        "theme": theme,
        "projects": selectors.projects(theme),
        "can_decide": rules.can_decide_theme(access),
        "can_add_project": rules.can_add_project(access, theme),
    }
    return render(request, "improvement/theme_detail.html", context)


@require_POST
@require(rules.can_read_themes, obj=_theme)
def theme_support(request, theme):
    org = request.organisation
    try:
        supports = services.toggle_support(theme=theme, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if not request.htmx:
            messages.success(
                request,
                _("You support this theme.") if supports else _("Your support is withdrawn."),
            )
    if request.htmx:
        theme = selectors.theme_or_404(org, request.user, theme.pk)
        return render(request, "improvement/_theme_support.html", {"theme": theme})
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("improvement:theme_detail", org.slug, theme.pk)


@require(rules.can_decide_theme, obj=_theme)
def theme_decide(request, theme):
    org = request.organisation
    initial = {"reason": theme.decision_reason}
    if theme.status in {c for c, _label in DecisionForm.base_fields["status"].choices}:
        initial["status"] = theme.status
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_theme(theme=theme, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Decision saved. Every member can read it and why."))
            return redirect("improvement:theme_detail", org.slug, theme.pk)
    return render(request, "improvement/theme_decide.html", {"theme": theme, "form": form})


@require(rules.can_add_project, obj=_theme)
def theme_project_add(request, theme):
    org = request.organisation
    form = ProjectForm(
        request.POST or None,
        owners=picker.scope(request, "improvement.people"),
        goals=Goal.objects.filter(organisation=org).order_by("level", "title"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_project(theme=theme, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Project added."))
            return redirect("improvement:theme_detail", org.slug, theme.pk)
    return render(request, "improvement/theme_project_form.html", {"theme": theme, "form": form})


@require(rules.can_read_themes)
def steering_group(request):
    """Who is in the steering group (every member sees it); leaders appoint and remove."""
    access, org = request.access, request.organisation
    members = list(selectors.steering_members(org))
    can_manage = rules.can_manage_steering_group(access)
    form = None
    if can_manage:
        form = SteeringForm(
            request.POST or None, people=picker.scope(request, "improvement.steering")
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.appoint_steering_member(
                    organisation=org, actor=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Added to the steering group."))
                return redirect("improvement:steering_group", org.slug)
    elif request.method == "POST":
        raise PermissionDenied
    context = {"members": members, "form": form, "can_manage": can_manage}
    return render(request, "improvement/steering_group.html", context)


@require_POST
@require(rules.can_manage_steering_group, obj=_steering_member_or_404)
def steering_group_remove(request, member):
    org = request.organisation
    services.remove_steering_member(member=member, actor=request.user)
    messages.success(request, _("Removed from the steering group."))
    return redirect("improvement:steering_group", org.slug)
