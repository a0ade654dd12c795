"""The one people picker: a form field, its widget and one search endpoint for every form
that chooses people (docs/people-picker.md).

A form never lists everyone. The view names a *scope* — who may be chosen here, a function
an app registers in its ``contrib.py`` (``people_scopes``) — and :func:`scope` returns it
with a signed token bound to the viewer and the organisation. The widget renders only the
chosen people (as chips) and a search box; the search endpoint (:func:`search`) checks the
token, asks the same scope function again and answers with at most one page of matches,
the viewer's own team first. Chosen ids are validated against the scope when the form is
posted, so an id outside it is a form error.

Without JavaScript the search box and its button are a search-then-select step: the button
posts the form back, :class:`PickerForm` re-renders it without errors, with the matches as
checkboxes (or radios) beside the people chosen so far.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lerend.kit import contrib

from .models import Membership, Role, Team

User = get_user_model()

PAGE_SIZE = 10
NO_JS_RESULTS = 20
SEARCH_BUTTON = "_picker"  # the no-JS search button posts this with the field's name
QUERY_SUFFIX = "__q"  # the search box of field ``x`` is posted as ``x__q``
MAX_AGE = 12 * 60 * 60  # a form left open for a working day still searches
_SALT = "lerend.people-picker"

ScopeFunction = Callable[..., QuerySet]


@dataclass(frozen=True)
class PeopleScope:
    """Who may be chosen in one field of one form, for one viewer."""

    name: str
    token: str
    people: QuerySet  # Users, never evaluated as a whole
    search_url: str
    own_team_ids: frozenset[int] = field(default_factory=frozenset)


def scopes() -> Mapping[str, ScopeFunction]:
    return contrib.people_scopes()


def _restrict(people: QuerySet, organisation) -> QuerySet:
    """Never anyone outside the organisation's active members, whatever a scope returns."""
    members = Membership.objects.active().filter(organisation=organisation)
    return people.filter(pk__in=members.values("person"))


def scope(request: HttpRequest, name: str, **params: Any) -> PeopleScope:
    """The named scope for this viewer, with the token its search box sends back. ``params``
    must be JSON-able (ids, not objects); the scope function gets them again on a search."""
    find = scopes()[name]
    organisation = request.organisation  # type: ignore[attr-defined]
    people = _restrict(find(request, **params), organisation)
    token = signing.dumps(
        {"n": name, "p": params, "u": request.user.pk, "o": organisation.pk},
        salt=_SALT,
        compress=True,
    )
    return _scope(request, name, token, people)


def _scope(request: HttpRequest, name: str, token: str, people: QuerySet) -> PeopleScope:
    organisation = request.organisation  # type: ignore[attr-defined]
    url = reverse("organisations:people_search", kwargs={"org_slug": organisation.slug})
    own = frozenset(request.access.team_ids)  # type: ignore[attr-defined]
    return PeopleScope(name, token, people, url, own)


def scope_from_token(request: HttpRequest, token: str) -> PeopleScope:
    """The scope a search box sent; Http404 for a token that is not this viewer's, here."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature as error:
        raise Http404 from error
    organisation = request.organisation  # type: ignore[attr-defined]
    if data.get("u") != request.user.pk or data.get("o") != organisation.pk:
        raise Http404
    find = scopes().get(data.get("n"))
    if find is None:
        raise Http404
    people = _restrict(find(request, **data["p"]), organisation)
    return _scope(request, data["n"], token, people)


def matches(people_scope: PeopleScope, query: str) -> QuerySet:
    """People in the scope whose name or e-mail address contains every word of ``query``,
    the viewer's own team first, then by name; each with ``team_name`` (their first active
    team) so two people of the same name can be told apart."""
    people = people_scope.people
    for word in query.split()[:5]:
        people = people.filter(Q(name__icontains=word) | Q(email__icontains=word))
    active = Membership.objects.active()
    team_name = (
        active.filter(person=OuterRef("pk"), team__isnull=False)
        .order_by("team__name")
        .values("team__name")[:1]
    )
    own = active.filter(person=OuterRef("pk"), team_id__in=people_scope.own_team_ids)
    return (
        people.annotate(team_name=Subquery(team_name), own_team=Exists(own))
        .order_by("-own_team", "name", "pk")
        .only("pk", "name")
    )


def described(people: Iterable) -> list:
    """Each person with ``note``: the role by which the scope offers them (when the scope
    annotates ``picker_role``, e.g. "Coach"), else their team."""
    found = list(people)
    for person in found:
        role = getattr(person, "picker_role", None)
        person.note = Role(role).label if role else getattr(person, "team_name", "")
    return found


def page_of(people_scope: PeopleScope, query: str, page: int, size: int = PAGE_SIZE):
    """One page of matches and whether there are more: one query, however many match."""
    start = (page - 1) * size
    found = described(matches(people_scope, query)[start : start + size + 1])
    return found[:size], len(found) > size


# --- form field and widget ----------------------------------------------------------------


class PickerWidget(forms.Widget):
    """Chosen people as chips (checked checkboxes or a radio, so that unticking removes one
    without JavaScript), a search box and, after a no-JS search, the matches to tick."""

    template_name = "organisations/picker/widget.html"
    use_fieldset = False
    kind = "people"  # the team chooser's widget says "teams" (team_picker.py)

    def __init__(self, attrs=None, *, multiple: bool):
        super().__init__(attrs)
        self.multiple = multiple
        self.people_scope: PeopleScope | None = None
        self.query = ""
        self.searching = False

    def value_from_datadict(self, data, files, name):
        self.query = (data.get(name + QUERY_SUFFIX) or "").strip()[:100]
        self.searching = data.get(SEARCH_BUTTON) == name
        if self.multiple:
            getter = getattr(data, "getlist", None)
            return getter(name) if getter else data.get(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked is a value (nobody), as with CheckboxSelectMultiple

    def id_for_label(self, id_):
        return id_  # the field's label names the search box

    @staticmethod
    def _ids(value) -> list[int]:
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple | set) else [value]
        ids = []
        for item in values:
            pk = getattr(item, "pk", item)
            try:
                ids.append(int(pk))
            except (TypeError, ValueError):
                continue
        return ids[:200]

    def chosen(self, ids: list[int]) -> list:
        """The chosen, in the order given, that are in the scope (one query)."""
        people = self.people_scope.people  # type: ignore[union-attr]
        by_pk = {p.pk: p for p in described(people.filter(pk__in=ids))}
        return [by_pk[pk] for pk in dict.fromkeys(ids) if pk in by_pk]

    def found(self, query: str, ids: list[int], size: int) -> list:
        """At most ``size`` matches of ``query`` not yet chosen (one query)."""
        candidates = matches(self.people_scope, query).exclude(pk__in=ids)  # type: ignore[arg-type]
        return described(candidates[:size])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        people_scope = self.people_scope
        ids = self._ids(value)
        chosen = []
        found = []
        more = False
        if people_scope is not None:
            if ids:
                chosen = self.chosen(ids)
            if self.searching:
                found = self.found(self.query, ids, NO_JS_RESULTS + 1)
                more = len(found) > NO_JS_RESULTS
                found = found[:NO_JS_RESULTS]
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["picker"] = {
            "id": widget_id,
            "kind": self.kind,
            "multiple": self.multiple,
            "input_type": "checkbox" if self.multiple else "radio",
            "chosen": chosen,
            "query": self.query,
            "query_name": name + QUERY_SUFFIX,
            "searching": self.searching,
            "found": found,
            "more": more,
            "token": people_scope.token if people_scope else "",
            "search_url": people_scope.search_url if people_scope else "",
            "button_name": SEARCH_BUTTON,
            "no_js_results": NO_JS_RESULTS,
        }
        return context


class _ScopedField:
    """What both fields share: ``field.scope = picker.scope(...)`` sets whom they accept."""

    widget: PickerWidget
    queryset: Any

    @property
    def scope(self) -> PeopleScope | None:
        return self.widget.people_scope

    @scope.setter
    def scope(self, value: PeopleScope) -> None:
        self.widget.people_scope = value
        self.queryset = value.people

    def label_from_instance(self, obj):
        return obj.name

    def _check_search(self):
        if self.widget.searching:
            raise forms.ValidationError(
                _("Choose from the people found, then save."), code="picker_search"
            )

    def clean(self, value):
        """A no-JS search is not a choice yet: the form shows the matches, saves nothing."""
        self._check_search()
        return super().clean(value)  # type: ignore[misc]


class PersonField(_ScopedField, forms.ModelChoiceField):
    """One person from a scope. An id outside the scope is a form error."""

    default_error_messages = {
        "invalid_choice": _("Choose someone from the list: this person cannot be chosen here."),
    }

    def __init__(self, *, label=None, required=True, help_text="", **kwargs):
        super().__init__(
            queryset=User.objects.none(),
            label=label,
            required=required,
            help_text=help_text,
            widget=PickerWidget(multiple=False),
            empty_label=None,
            **kwargs,
        )


class PeopleField(_ScopedField, forms.ModelMultipleChoiceField):
    """Any number of people from a scope. An id outside the scope is a form error."""

    default_error_messages = {
        "invalid_choice": _("Choose people from the list: %(value)s cannot be chosen here."),
        "invalid_pk_value": _("Choose people from the list."),
    }

    def __init__(self, *, label=None, required=True, help_text="", **kwargs):
        super().__init__(
            queryset=User.objects.none(),
            label=label,
            required=required,
            help_text=help_text,
            widget=PickerWidget(multiple=True),
            **kwargs,
        )


class PickerForm:
    """Mixin for forms with a picker (put it before ``forms.Form``): the no-JS search button
    re-renders the form with the matches and without other errors, and saves nothing."""

    fields: dict
    _errors: Any

    def picker_searching(self) -> bool:
        data = getattr(self, "data", {}) or {}
        return any(
            data.get(SEARCH_BUTTON) == name
            for name, f in self.fields.items()
            if isinstance(f.widget, PickerWidget)
        )

    def search_from(self, query):
        """An unbound form shown after a no-JS search on a page whose form posts elsewhere:
        the search term and button come back in the query string (``search_redirect``)."""
        for name, f in self.fields.items():
            if isinstance(f.widget, PickerWidget) and query.get(SEARCH_BUTTON) == name:
                f.widget.query = (query.get(name + QUERY_SUFFIX) or "").strip()[:100]
                f.widget.searching = True
        return self

    def full_clean(self):
        super().full_clean()  # type: ignore[misc]
        if getattr(self, "is_bound", False) and self.picker_searching():
            self._errors = ErrorDict()

    def is_valid(self) -> bool:
        if getattr(self, "is_bound", False) and self.picker_searching():
            self.full_clean()
            return False
        return super().is_valid()  # type: ignore[misc]


def search_redirect(request: HttpRequest, *args: Any) -> HttpResponse:
    """For a form that posts to an action URL: send a no-JS search back to the page with the
    form, with only the search term and the field in the query string (never other fields,
    never the CSRF token). ``args`` are ``redirect``'s."""
    response = redirect(*args)
    field_name = request.POST.get(SEARCH_BUTTON, "")
    term = request.POST.get(field_name + QUERY_SUFFIX, "")
    params = {SEARCH_BUTTON: field_name, field_name + QUERY_SUFFIX: term}
    response["Location"] += "?" + urlencode(params) + f"#id_{field_name}"
    return response


# --- scopes every app uses --------------------------------------------------------------


def organisation_people(organisation) -> QuerySet:
    """Everyone working in the organisation now."""
    members = Membership.objects.active().filter(organisation=organisation)
    return User.objects.filter(pk__in=members.values("person"))


def team_people(organisation, teams) -> QuerySet:
    """The people of ``teams`` (ids or a queryset of teams): their team members, and the
    leaders and coaches working at the teams' locations."""
    active = Membership.objects.active().filter(organisation=organisation)
    team_ids = teams.values("pk") if isinstance(teams, QuerySet) else list(teams)
    locations = Team.objects.filter(pk__in=team_ids).values("location_id")
    members = active.filter(
        Q(team_id__in=team_ids) | Q(team__isnull=True, location_id__in=locations)
    )
    return User.objects.filter(pk__in=members.values("person"))
