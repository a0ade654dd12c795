"""Knowledge pages: what we learned, the search, the expertise directory. Every record
through ``selectors``: a draft of someone else, or an entry outside your audience, is 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lerend.frameworks.registry import block
from lerend.kit.forms import apply_errors
from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import any_member, org_member, require

from . import origins, rules, selectors, services
from .forms import DirectoryFilterForm, EntryForm, ExpertiseForm, SearchForm, kind_label


# Loaders: the entry or directory card through the tenant, 404 for what this person may not
# know of (a draft or a team entry of others); the rule is then "any member".
def _own_entry(request, knowledge_id):
    return selectors.entry_for_owner(request.access, request.user, knowledge_id)


def _readable_entry(request, knowledge_id):
    return selectors.entry_for_reader(request.access, request.user, knowledge_id)


def _expertise(request, expertise_id):
    return selectors.expertise_or_404(request.access, expertise_id)


def _detail(request, entry):
    return redirect("knowledge:detail", request.organisation.slug, entry.pk)


@require_safe
@org_member
def index(request):
    access, user = request.access, request.user
    context = {
        "search_form": SearchForm(kinds=selectors.search_kinds(request.organisation)),
        "entries": list(selectors.published_for(access, user)[:20]),
        "mine": list(selectors.own_entries(access, user)[:20]),
    }
    return render(request, "knowledge/index.html", context)


@org_member
def entry_create(request):
    access = request.access
    form = EntryForm(
        request.POST or None,
        access=access,
        contacts=picker.scope(request, "knowledge.contact"),
        teams=team_picker.scope(request, "knowledge.teams"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.create_entry(access=access, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved as a draft. Publish it when it is ready."))
            return _detail(request, entry)
    return render(request, "knowledge/entry_form.html", {"form": form, "entry": None})


@require(any_member, obj=_own_entry)
def entry_edit(request, entry):
    access = request.access
    form = EntryForm(
        request.POST or None,
        instance=entry,
        access=access,
        contacts=picker.scope(request, "knowledge.contact"),
        teams=team_picker.scope(request, "knowledge.teams"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_entry(
                access=access, actor=request.user, entry=entry, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return _detail(request, entry)
    return render(request, "knowledge/entry_form.html", {"form": form, "entry": entry})


@require_safe
@require(any_member, obj=_readable_entry)
def entry_detail(request, entry):
    access, user = request.access, request.user
    context = {
        "entry": entry,
        "can_edit": rules.can_edit(access, entry, user),
        "origin_url": origins.origin_link(access, user, entry),
    }
    return render(request, "knowledge/entry_detail.html", context)


@require_POST
@require(any_member, obj=_own_entry)
def entry_publish(request, entry):
    services.publish_entry(access=request.access, actor=request.user, entry=entry)
    messages.success(request, _("Published: your colleagues can read and find it now."))
    return _detail(request, entry)


@require_POST
@require(any_member, obj=_own_entry)
def entry_review(request, entry):
    services.confirm_review(access=request.access, actor=request.user, entry=entry)
    messages.success(request, _("Thank you: we will ask again in a year."))
    return _detail(request, entry)


@require_POST
@require(any_member, obj=_own_entry)
def entry_delete(request, entry):
    services.delete_entry(access=request.access, actor=request.user, entry=entry)
    messages.success(request, _("Deleted."))
    return redirect("knowledge:index", request.organisation.slug)


@require_safe
@require(rules.can_search)
def search(request):
    access = request.access
    form = SearchForm(request.GET or None, kinds=selectors.search_kinds(request.organisation))
    results, query = [], ""
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        results = selectors.search(
            access,
            query,
            kind=form.cleaned_data["soort"],
            block=form.cleaned_data["bouwsteen"],
        )
    for result in results:
        result["kind_label"] = kind_label(result["entry"].kind)
        result["blocks"] = [block(key) for key in result["entry"].block_keys]
    context = {"form": form, "results": results, "query": query}
    template = "knowledge/_results.html" if request.htmx else "knowledge/search.html"
    return render(request, template, context)


@require_safe
@org_member
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    context = {
        "form": form,
        "people": list(
            selectors.directory(
                request.access, block=data.get("bouwsteen", ""), query=data.get("q", "")
            )[:50]
        ),
        "mine": selectors.own_expertise(request.access, request.user),
    }
    return render(request, "knowledge/directory.html", context)


@require_safe
@require(any_member, obj=_expertise)
def expertise_detail(request, expertise):
    access = request.access
    context = {
        "expertise": expertise,
        "shown": selectors.shown_evidence(access, request.user, expertise),
    }
    return render(request, "knowledge/expertise_detail.html", context)


@org_member
def expertise_edit(request):
    access = request.access
    mine = selectors.own_expertise(access, request.user)
    initial = (
        {
            "can_help_with": mine.can_help_with,
            "building_blocks": mine.building_blocks,
            "show_pd": mine.show_pd,
            "show_groups": mine.show_groups,
            "show_knowledge": mine.show_knowledge,
        }
        if mine
        else {"show_knowledge": True}
    )
    form = ExpertiseForm(request.POST or None, initial=initial)
    if request.method == "POST" and "remove" in request.POST:
        services.remove_expertise(access=access, actor=request.user)
        messages.success(request, _("You are no longer in the directory."))
        return redirect("knowledge:directory", request.organisation.slug)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_expertise(access=access, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved: colleagues can find you in the directory."))
            return redirect("knowledge:directory", request.organisation.slug)
    return render(request, "knowledge/expertise_form.html", {"form": form, "mine": mine})
