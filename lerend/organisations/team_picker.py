"""The one team chooser: the people picker's field, widget and search, for teams
(docs/people-picker.md, "Teams"; decision 0023).

A form never lists every team of a large organisation. The view names a *team scope* — the
teams the viewer may choose here, a function an app registers in its ``contrib.py``
(``team_scopes``) — and :func:`scope` returns it with a signed token bound to the viewer and
the organisation. The widget is the people picker's (:class:`picker.PickerWidget`, the same
template and script): chosen teams as chips, a search box over ``organisations:team_search``
that matches team or location names, the viewer's own teams first, each team labelled with its
location; without JavaScript, search-then-select through :class:`picker.PickerForm`.

When the scope holds at most :data:`SELECT_AT_MOST` teams the field is a plain select (one
team) or a list of checkboxes (several), grouped by location: a short list is faster to use
than a search (decision 0023). Either way a posted id outside the scope is a form error.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core import signing
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lerend.kit import contrib

from . import picker
from .access import LEADER_ROLES
from .models import Scope, Team

SELECT_AT_MOST = 30  # a scope this small is a plain select / checkbox list (decision 0023)
_SALT = "lerend.team-picker"

ScopeFunction = Callable[..., QuerySet]


@dataclass(frozen=True)
class TeamScope:
    """Which teams may be chosen in one field of one form, for one viewer. ``few`` holds the
    teams when there are at most ``SELECT_AT_MOST`` of them (then the field is a select)."""

    name: str
    token: str
    teams: QuerySet  # Teams, never evaluated as a whole when large
    search_url: str
    own_team_ids: frozenset[int] = field(default_factory=frozenset)
    few: tuple | None = None


def scopes() -> Mapping[str, ScopeFunction]:
    return contrib.team_scopes()


def _restrict(teams: QuerySet, organisation) -> QuerySet:
    """Never a team of another organisation, whatever a scope returns."""
    return teams.filter(organisation=organisation).select_related("location")


def scope(request: HttpRequest, name: str, **params: Any) -> TeamScope:
    """The named team scope for this viewer, with the token its search box sends back.
    ``params`` must be JSON-able (ids); the scope function gets them again on a search.
    Costs one query: at most ``SELECT_AT_MOST + 1`` teams, to decide select or search."""
    organisation = request.organisation  # type: ignore[attr-defined]
    teams = _restrict(scopes()[name](request, **params), organisation)
    token = signing.dumps(
        {"n": name, "p": params, "u": request.user.pk, "o": organisation.pk},
        salt=_SALT,
        compress=True,
    )
    first = list(teams.order_by("location__name", "name", "pk")[: SELECT_AT_MOST + 1])
    few = tuple(first) if len(first) <= SELECT_AT_MOST else None
    return _scope(request, name, token, teams, few)


def _scope(request, name, token, teams, few=None) -> TeamScope:
    organisation = request.organisation  # type: ignore[attr-defined]
    url = reverse("organisations:team_search", kwargs={"org_slug": organisation.slug})
    own = frozenset(request.access.team_ids)  # type: ignore[attr-defined]
    return TeamScope(name, token, teams, url, own, few)


def scope_from_token(request: HttpRequest, token: str) -> TeamScope:
    """The scope a search box sent; Http404 for a token that is not this viewer's, here."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=picker.MAX_AGE)
    except signing.BadSignature as error:
        raise Http404 from error
    organisation = request.organisation  # type: ignore[attr-defined]
    if data.get("u") != request.user.pk or data.get("o") != organisation.pk:
        raise Http404
    find = scopes().get(data.get("n"))
    if find is None:
        raise Http404
    teams = _restrict(find(request, **data["p"]), organisation)
    return _scope(request, data["n"], token, teams)


def matches(team_scope: TeamScope, query: str) -> QuerySet:
    """Teams in the scope whose name or location name contains every word of ``query``: the
    viewer's own teams first, then by location and name."""
    teams = team_scope.teams
    for word in query.split()[:5]:
        teams = teams.filter(Q(name__icontains=word) | Q(location__name__icontains=word))
    own = sorted(team_scope.own_team_ids)
    own_team = (
        Case(When(pk__in=own, then=Value(1)), default=Value(0), output_field=IntegerField())
        if own
        else Value(0, output_field=IntegerField())
    )
    return teams.annotate(own_team=own_team).order_by("-own_team", "location__name", "name", "pk")


def described(teams: Iterable) -> list:
    """Each team with ``note`` (its location) and ``label`` (as its chip shows it)."""
    found = list(teams)
    for team in found:
        team.note = team.location.name
        team.label = f"{team.name} ({team.location.name})"
    return found


def page_of(team_scope: TeamScope, query: str, page: int, size: int = picker.PAGE_SIZE):
    """One page of matches and whether there are more: one query, however many match."""
    start = (page - 1) * size
    found = described(matches(team_scope, query)[start : start + size + 1])
    return found[:size], len(found) > size


def organisation_teams(request) -> QuerySet:
    """Every team of the organisation: for whoever manages it (memberships, invitations)."""
    return Team.objects.filter(organisation=request.organisation)  # type: ignore[attr-defined]


TEAM_SCOPES = {"organisations.teams": organisation_teams}


def covered_teams(access, roles=LEADER_ROLES, *, own: bool = False) -> QuerySet:
    """The teams ``access.covers_team(team, roles)`` answers yes for (and, with ``own``, the
    person's own teams) as one queryset: a scope for a chooser, never a list of every team
    tested one by one in Python."""
    teams = Team.objects.filter(organisation=access.organisation)
    scoped = [m for m in access.memberships if m.role in roles]
    if any(m.scope == Scope.ORGANISATION for m in scoped):
        return teams
    locations = {m.location_id for m in scoped if m.scope == Scope.LOCATION}
    team_ids = {m.team_id for m in scoped if m.scope == Scope.TEAM}
    if own:
        team_ids |= set(access.team_ids)
    return teams.filter(Q(location_id__in=sorted(locations)) | Q(pk__in=sorted(team_ids)))


# --- form fields and widget ---------------------------------------------------------------


class TeamPickerWidget(picker.PickerWidget):
    """The people picker's widget with teams: chips, search box, no-JS matches."""

    kind = "teams"

    def chosen(self, ids: list[int]) -> list:
        team_scope = self.people_scope
        by_pk = {t.pk: t for t in described(team_scope.teams.filter(pk__in=ids))}
        return [by_pk[pk] for pk in dict.fromkeys(ids) if pk in by_pk]

    def found(self, query: str, ids: list[int], size: int) -> list:
        return described(matches(self.people_scope, query).exclude(pk__in=ids)[:size])


def _grouped(teams: Iterable[Team]) -> list:
    """Choices grouped by location, for a select (an optgroup per location)."""
    groups: dict[str, list] = {}
    for team in teams:
        groups.setdefault(team.location.name, []).append((team.pk, team.name))
    return list(groups.items())


class _TeamScoped:
    widget: Any
    queryset: Any
    required: bool
    multiple = False
    blank_label: Any = "—"

    @property
    def scope(self) -> TeamScope | None:
        return getattr(self.widget, "people_scope", None)

    @scope.setter
    def scope(self, value: TeamScope) -> None:
        if value.few is None:
            if not isinstance(self.widget, TeamPickerWidget):
                self.widget = TeamPickerWidget(multiple=self.multiple)
            self.widget.people_scope = value
            self.queryset = value.teams
            return
        self.queryset = value.teams
        if self.multiple:
            widget: forms.Widget = forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"})
            widget.choices = [(t.pk, f"{t.name} ({t.location.name})") for t in value.few]
        else:
            widget = forms.Select()
            # A required field with one team to choose has it chosen; else a blank first.
            blank = [] if self.required and len(value.few) == 1 else [("", self.blank_label)]
            widget.choices = blank + _grouped(value.few)
        widget.is_required = self.required
        widget.people_scope = value  # type: ignore[attr-defined]
        self.widget = widget

    def label_from_instance(self, obj):
        return obj.name

    def _check_search(self):
        if getattr(self.widget, "searching", False):
            raise forms.ValidationError(
                _("Choose from the teams found, then save."), code="picker_search"
            )

    def clean(self, value):
        """A no-JS search is not a choice yet: the form shows the matches, saves nothing."""
        self._check_search()
        return super().clean(value)  # type: ignore[misc]


class TeamField(_TeamScoped, forms.ModelChoiceField):
    """One team from a team scope. An id outside the scope is a form error."""

    default_error_messages = {
        "invalid_choice": _("Choose a team from the list: this team cannot be chosen here."),
    }

    def __init__(self, *, label=None, required=True, help_text="", blank_label="—", **kwargs):
        self.blank_label = blank_label  # the empty option when the field is a select
        super().__init__(
            queryset=Team.objects.none(),
            label=label,
            required=required,
            help_text=help_text,
            widget=TeamPickerWidget(multiple=False),
            empty_label=None,
            **kwargs,
        )


class TeamsField(_TeamScoped, forms.ModelMultipleChoiceField):
    """Any number of teams from a team scope. An id outside the scope is a form error."""

    multiple = True
    default_error_messages = {
        "invalid_choice": _("Choose teams from the list: %(value)s cannot be chosen here."),
        "invalid_pk_value": _("Choose teams from the list."),
    }

    def __init__(self, *, label=None, required=True, help_text="", **kwargs):
        super().__init__(
            queryset=Team.objects.none(),
            label=label,
            required=required,
            help_text=help_text,
            widget=TeamPickerWidget(multiple=True),
            **kwargs,
        )
