"""The contribution point: what each app adds to the whole, declared in one module.

An app that adds something to the house — pages under ``/o/<slug>/``, a menu entry, home
tasks or widgets, its part of a person's own-data download and of erasure, API routes, daily
background work, demo content, searchable content, or objects for the tenancy matrix — puts
a module-level ``contribution = Contribution(...)`` in ``lerend/<app>/contrib.py``. The
registry finds these modules in every installed app, like ``audit.py`` is found, so the
ground floor (``accounts``, ``organisations``), the top (``web``, ``api``) and the tooling
(``demo``, the tests) never import a domain app by name, and a new app is one contribution
module plus its own URLs.

Everything an app contributes is either a plain value or a callable the consumer calls with
the request, person or organisation; callables given as dotted paths are imported on first
use (an API router imports the API machinery, which imports the registry: a path breaks the
cycle). Each consumer documents the contract of its slot below.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django.http import HttpRequest

    from lerend.accounts.models import User
    from lerend.organisations.models import Organisation


@dataclass(frozen=True)
class Task:
    """Something a person can do now, shown on their home page."""

    text: str
    url: str


@dataclass(frozen=True)
class NavItem:
    """A main-menu entry. ``order`` places it among the other apps' entries (lower first);
    ``key`` names it for tests and styling."""

    order: int
    label: str
    url: str
    key: str


@dataclass(frozen=True)
class Widget:
    """A card on the home page: ``template`` rendered with ``context``, placed by ``order``."""

    order: int
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchDocument:
    """One searchable thing, with who may find it. ``audience`` is one of ``organisation``,
    ``location``, ``team`` or ``people``; the matching ``location_id``, ``team_id`` or
    ``person_ids`` say which. Private records are never offered as documents."""

    kind: str
    key: str
    title: str
    body: str
    url: str
    audience: str
    location_id: int | None = None
    team_id: int | None = None
    person_ids: tuple[int, ...] = ()
    building_blocks: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasuredItem:
    """One measurement behind a computed status: an indicator's title, its status key and
    label, and where to read it."""

    title: str
    status: str
    label: str
    url: str = ""


@dataclass(frozen=True)
class MeasuredStatus:
    """A status computed from measurements for another app's record (a goal): the key
    (``behaald``, ``op_koers``, ``achter``, ``geen``), its label, and the items behind it."""

    status: str
    label: str
    items: tuple[MeasuredItem, ...] = ()


@dataclass(frozen=True)
class Measure:
    """A value an app computes for a part of an organisation in a calendar year, offered to
    whoever tracks values over time (monitoring's computed indicators). ``compute(
    organisation, location, team, year) -> Decimal | None`` applies the offering app's own
    minimums and anonymity rules; None means "not enough behind it to say"."""

    label: str
    unit: str
    compute: Callable[..., Any]


@dataclass(frozen=True)
class LinkedRecord:
    """Another app's record as a link: its id, a label without personal content, and the
    URL of its page (whose own rules decide who opens it)."""

    id: int
    label: str
    url: str = ""


@dataclass(frozen=True)
class Processing:
    """One processing activity for the register of processing activities
    (verwerkingsregister, AVG art. 30): what personal data, about whom, for which purpose, on
    which legal basis, kept how long, seen by whom. ``models`` names the app's models that
    hold it (``app.Model``). Texts are lazy translations: the register is shown in the
    reader's language."""

    name: Any
    data: Any
    subjects: Any
    purpose: Any
    legal_basis: Any
    retention: Any
    recipients: Any
    models: tuple[str, ...] = ()


@dataclass(frozen=True)
class RetentionPolicy:
    """How long an organisation keeps what, in days (organisations.RetentionPolicy holds
    the numbers; docs/privacy.md the defaults). ``departed`` counts from the end of a
    person's last membership."""

    scan_answers: int
    comments: int
    invitations: int
    audit: int
    departed: int


@dataclass(frozen=True)
class SteeringScope:
    """What a steering view is about, handed to every app's ``steering`` contributor.

    ``level`` is ``organisation``, ``location`` or ``team``; ``location`` / ``team`` name the
    object of a location or team page. ``locations`` and ``teams`` are every location and
    team the page covers (all of the organisation's on the organisation page), loaded once
    by the steering app so no contributor lists them again. ``access`` and ``viewer`` are the
    person looking: a contributor shows only what that person may see by its own app's rules,
    and anonymous numbers only through the one gate, read for ``viewer``. ``full`` is False
    for the home page, which asks for signals only (no panels), so a contributor may skip
    its heavier panels there."""

    organisation: Organisation
    access: Any
    viewer: User
    level: str
    today: Any
    locations: tuple = ()
    teams: tuple = ()
    location: Any = None
    team: Any = None
    full: bool = True

    @property
    def location_ids(self) -> frozenset[int]:
        return frozenset(loc.pk for loc in self.locations)

    @property
    def team_ids(self) -> frozenset[int]:
        return frozenset(team.pk for team in self.teams)

    @property
    def whole_organisation(self) -> bool:
        return self.level == "organisation"


# Severity of a steering signal: what needs action now, what to watch, what to know.
ACT, WATCH, KNOW = 3, 2, 1


@dataclass(frozen=True)
class SteeringSignal:
    """Something a leader should look at: ``text`` (one sentence, numbers already formatted
    through kit.numbers and already through the anonymity gate), where to act (``url``), how
    urgent (``severity``: ACT, WATCH or KNOW) and which app raised it (``source``)."""

    severity: int
    text: str
    url: str
    source: str = ""


@dataclass(frozen=True)
class SteeringPanel:
    """A block of the steering view: ``template`` rendered with ``context`` on the page;
    ``report_template`` (optional) the compact version on the one-page board report (PDF);
    ``sheets`` the same numbers as (name, header, rows) for the XLSX — or a callable giving
    them, so the page does not build rows only the download needs (``panel_sheets``).
    ``order`` places it."""

    order: int
    key: str
    title: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    report_template: str = ""
    sheets: Any = ()

    def panel_sheets(self) -> list:
        return list(self.sheets() if callable(self.sheets) else self.sheets)


SteeringPart = SteeringSignal | SteeringPanel


@dataclass(frozen=True)
class Contribution:
    """What one app adds. Every slot is optional.

    - ``org_urls`` / ``public_urls``: ``(prefix, urlconf module)`` pairs, mounted under
      ``/o/<slug>/`` and at the site root.
    - ``nav(request) -> Iterable[NavItem]``: menu entries this person may open.
    - ``home_tasks(request) -> Iterable[Task]`` and ``home_widgets(request) ->
      Iterable[Widget]``: the home page of the current organisation. Each may run a few
      queries, never one per row.
    - ``profile_widgets(request) -> Iterable[Widget]``: cards on the person's profile page.
    - ``management_nav(request) -> Iterable[NavItem]``: entries in the beheer sub-menu, shown
      to whoever may manage the organisation.
    - ``own_data``: ``{key: callable(person) -> JSON-able}``, the app's part of the person's
      own-data download, across organisations, by the same rules as its pages.
    - ``erase(person, organisation) -> {label: count}``: removes the person's own records in
      that organisation and keeps what they made for others without their name. Counts are
      reported to the beheerder and the audit log.
    - ``personal_models``: model labels (``app.Model``) whose links to a person ``own_data``
      and ``erase`` cover; a test checks every foreign key to the User is claimed.
    - ``api_router``: dotted path of a django-ninja ``Router`` mounted at ``/api/v1/``.
    - ``daily_tasks``: dotted paths of tasks ``manage.py daily`` enqueues.
    - ``demo_content(organisation, demo) -> list[str]``: adds the app's demo content when
      missing (idempotent) and names what it added; ``demo_order`` sorts the apps.
    - ``search_documents(organisation) -> Iterable[SearchDocument]``: what the app offers the
      organisation's search.
    - ``search_models``: ``{model label: attribute path to the organisation id}``
      (``"organisation_id"``,
      ``"theme.organisation_id"``) of the models the app's ``search_documents`` are made of.
      When such a row is saved or deleted, the app's documents of that organisation are
      refreshed in the search right after the transaction commits, so a new record is
      findable at once and a deleted or unshared one disappears. The search app listens
      through the registry (``search_models()``); the domain app never imports it.
    - ``url_objects``: ``{url kwarg: callable(organisation) -> pk | None}``, for the tenancy
      matrix to fill the app's URL kwargs with an object of a given organisation.
    - ``goal_status(organisation, goal_ids) -> {goal_id: MeasuredStatus}``: a status
      computed from measurements for improvement's goals, shown instead of the hand-set one
      (read with ``goal_statuses``). A few queries for any number of goals.
    - ``measures``: ``{key: Measure}``, values this app computes for others to track
      (read with ``measure``).
    - ``offers``: ``{name: callable}``, a named service one app offers the others, so two
      sibling apps link records by id without importing each other (read with ``offer``;
      None when no app offers it). Each offering module documents its signature. Known:
      ``observation_focus``, ``visits_observing``, ``visit_links`` and ``rubric_trend``
      (collaboration), ``make_pop_goal`` and ``coaching_pd`` (learning),
      ``make_team_action`` (improvement).
    - ``people_scopes``: ``{"app.name": callable(request, **params) -> QuerySet[User]}``,
      whom a people picker of the app may offer (``organisations.picker.scope``). The same
      function answers the form and its search box, so both keep to one scope; the picker
      further limits it to the organisation's active members.
    - ``team_scopes``: ``{"app.name": callable(request, **params) -> QuerySet[Team]}``,
      which teams a team chooser of the app may offer (``organisations.team_picker.scope``);
      as ``people_scopes``, one function answers the form and its search box, and the
      chooser further limits it to the organisation's teams.
    - ``processing``: the app's ``Processing`` activities for the register of processing
      activities; every app with ``personal_models`` declares at least one, and every
      personal model appears in one (tests/test_contrib.py).
    - ``retention(organisation, policy: RetentionPolicy, now) -> {label: count}``: deletes
      or strips what the organisation's retention periods say is due; run by the daily
      retention task, counts shown on the retention page (never names).
    - ``hand_over(person, organisation, new_owner) -> {label: count}``: before erasure,
      when the beheerder chooses so, makes ``new_owner`` the owner of what the person made
      for the team (actions, board items, shared knowledge); the eraser then removes the rest.
    - ``reminder_kinds``: ``{key: label}``, the app's recurring reminder mails; a person
      switches each off on their reminders page (``accounts.reminders``), and every such mail
      carries a one-click unsubscribe for its kind.
    - ``steering(scope: SteeringScope) -> Iterable[SteeringSignal | SteeringPanel]``: the
      app's part of the steering view ("where do we stand, where do we move, where do we
      act") for that scope and viewer: signals and panels. A fixed number of queries
      whatever the number of locations and teams in the scope; anonymous numbers only
      through the one gate, for ``scope.viewer``.
    """

    org_urls: tuple[tuple[str, str], ...] = ()
    public_urls: tuple[tuple[str, str], ...] = ()
    nav: Callable[[HttpRequest], Iterable[NavItem]] | None = None
    home_tasks: Callable[[HttpRequest], Iterable[Task]] | None = None
    home_widgets: Callable[[HttpRequest], Iterable[Widget]] | None = None
    profile_widgets: Callable[[HttpRequest], Iterable[Widget]] | None = None
    management_nav: Callable[[HttpRequest], Iterable[NavItem]] | None = None
    own_data: Mapping[str, Callable[[User], Any]] = field(default_factory=dict)
    erase: Callable[[User, Organisation], Mapping[str, int]] | None = None
    personal_models: tuple[str, ...] = ()
    api_router: str | None = None
    daily_tasks: tuple[str, ...] = ()
    demo_content: Callable[..., list[str]] | None = None
    demo_order: int = 100
    search_documents: Callable[[Organisation], Iterable[SearchDocument]] | None = None
    url_objects: Mapping[str, Callable[[Organisation], int | None]] = field(default_factory=dict)
    goal_status: Callable[[Organisation, Iterable[int]], Mapping[int, MeasuredStatus]] | None = None
    measures: Mapping[str, Measure] = field(default_factory=dict)
    offers: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    search_models: Mapping[str, str] = field(default_factory=dict)
    people_scopes: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    team_scopes: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    processing: tuple[Processing, ...] = ()
    retention: Callable[[Organisation, RetentionPolicy, Any], Mapping[str, int]] | None = None
    hand_over: Callable[[User, Organisation, User], Mapping[str, int]] | None = None
    reminder_kinds: Mapping[str, Any] = field(default_factory=dict)
    steering: Callable[[SteeringScope], Iterable[SteeringPart]] | None = None


@dataclass(frozen=True)
class Contributor:
    app_label: str
    contribution: Contribution


@functools.cache
def contributors() -> tuple[Contributor, ...]:
    """Every installed app's contribution, in INSTALLED_APPS order.

    Raises ImproperlyConfigured when a ``contrib.py`` has no ``contribution`` of the right
    type, or when two apps claim the same own-data key or URL kwarg."""
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.contrib"
        # find_spec first, so an ImportError *inside* an existing contrib.py is not hidden.
        if importlib.util.find_spec(module_name) is None:
            continue
        contribution = getattr(importlib.import_module(module_name), "contribution", None)
        if not isinstance(contribution, Contribution):
            raise ImproperlyConfigured(
                f"{module_name} must define `contribution = Contribution(...)`."
            )
        found.append(Contributor(config.label, contribution))
    _check_unique(found, "own_data")
    _check_unique(found, "url_objects")
    _check_unique(found, "measures")
    _check_unique(found, "offers")
    _check_unique(found, "people_scopes")
    _check_unique(found, "team_scopes")
    return tuple(found)


def _check_unique(found: list[Contributor], slot: str) -> None:
    owner: dict[str, str] = {}
    for contributor in found:
        for key in getattr(contributor.contribution, slot):
            if key in owner:
                raise ImproperlyConfigured(
                    f"{slot} key {key!r} is claimed by both {owner[key]} and "
                    f"{contributor.app_label}."
                )
            owner[key] = contributor.app_label


def contributions() -> Iterable[Contribution]:
    return (c.contribution for c in contributors())


def nav_items(request) -> list[NavItem]:
    items = [item for c in contributions() if c.nav for item in c.nav(request)]
    return sorted(items, key=lambda item: item.order)


def home_tasks(request) -> list[Task]:
    return [task for c in contributions() if c.home_tasks for task in c.home_tasks(request)]


def home_widgets(request) -> list[Widget]:
    widgets = [w for c in contributions() if c.home_widgets for w in c.home_widgets(request)]
    return sorted(widgets, key=lambda widget: widget.order)


def profile_widgets(request) -> list[Widget]:
    widgets = [w for c in contributions() if c.profile_widgets for w in c.profile_widgets(request)]
    return sorted(widgets, key=lambda widget: widget.order)


def management_nav(request) -> list[NavItem]:
    items = [i for c in contributions() if c.management_nav for i in c.management_nav(request)]
    return sorted(items, key=lambda item: item.order)


def own_data(person) -> dict[str, Any]:
    return {key: read(person) for c in contributions() for key, read in c.own_data.items()}


def erasers() -> list[tuple[str, Callable[[User, Organisation], Mapping[str, int]]]]:
    return [(c.app_label, c.contribution.erase) for c in contributors() if c.contribution.erase]


def personal_models() -> dict[str, str]:
    """Model label -> the app that claims it."""
    return {label: c.app_label for c in contributors() for label in c.contribution.personal_models}


def api_routers() -> list[Any]:
    return [import_string(c.api_router) for c in contributions() if c.api_router]


def daily_tasks() -> list[str]:
    return [path for c in contributions() for path in c.daily_tasks]


def demo_contributions() -> list[Contributor]:
    found = [c for c in contributors() if c.contribution.demo_content]
    return sorted(found, key=lambda c: c.contribution.demo_order)


def org_urls() -> list[tuple[str, str]]:
    return [pair for c in contributions() for pair in c.org_urls]


def public_urls() -> list[tuple[str, str]]:
    return [pair for c in contributions() for pair in c.public_urls]


def search_sources() -> list[Callable[[Organisation], Iterable[SearchDocument]]]:
    return [c.search_documents for c in contributions() if c.search_documents]


def search_sources_by_app() -> dict[str, Callable[[Organisation], Iterable[SearchDocument]]]:
    """App label -> its ``search_documents``, to refresh one app's part of the search."""
    return {
        c.app_label: c.contribution.search_documents
        for c in contributors()
        if c.contribution.search_documents
    }


def search_models() -> list[tuple[str, str, str]]:
    """``(app label, model label, path to the organisation id)`` for every model an app's
    search documents are made of (see ``Contribution.search_models``)."""
    return [
        (c.app_label, label, path)
        for c in contributors()
        for label, path in c.contribution.search_models.items()
    ]


def reminder_kinds() -> dict[str, Any]:
    """Every app's recurring reminder kinds, key -> label, in the order of INSTALLED_APPS."""
    return {key: label for c in contributions() for key, label in c.reminder_kinds.items()}


def url_objects() -> dict[str, Callable[[Organisation], int | None]]:
    return {key: find for c in contributions() for key, find in c.url_objects.items()}


def people_scopes() -> dict[str, Callable[..., Any]]:
    return {key: find for c in contributions() for key, find in c.people_scopes.items()}


def team_scopes() -> dict[str, Callable[..., Any]]:
    return {key: find for c in contributions() for key, find in c.team_scopes.items()}


def processing() -> list[tuple[str, Processing]]:
    """Every app's processing activities, with the app that declares them."""
    return [(c.app_label, p) for c in contributors() for p in c.contribution.processing]


def retention_work() -> list[tuple[str, Callable[..., Mapping[str, int]]]]:
    return [
        (c.app_label, c.contribution.retention) for c in contributors() if c.contribution.retention
    ]


def hand_overs() -> list[tuple[str, Callable[..., Mapping[str, int]]]]:
    return [
        (c.app_label, c.contribution.hand_over) for c in contributors() if c.contribution.hand_over
    ]


def steering_parts(scope: SteeringScope) -> tuple[list[SteeringSignal], list[SteeringPanel]]:
    """Every app's steering signals (most urgent first, then by app order) and panels (by
    ``order``) for the scope."""
    signals: list[SteeringSignal] = []
    panels: list[SteeringPanel] = []
    for c in contributors():
        if c.contribution.steering is None:
            continue
        for part in c.contribution.steering(scope):
            if isinstance(part, SteeringSignal):
                signals.append(part if part.source else replace(part, source=c.app_label))
            else:
                panels.append(part)
    signals.sort(key=lambda s: -s.severity)  # stable: an app's own order stays
    panels.sort(key=lambda p: p.order)
    return signals, panels


def first_pk(model, path: str = "organisation") -> Callable[[Organisation], int | None]:
    """A ``url_objects`` finder: the lowest pk of ``model`` whose ``path`` leads to the
    organisation (``"plan__organisation"`` for a model without its own link)."""

    def find(organisation):
        return (
            model.objects.filter(**{path: organisation})
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )

    return find


def deleted(queryset) -> int:
    """Delete and count the rows of the queryset's own model (Django's total also counts
    rows deleted along with them), for an eraser's report."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def goal_statuses(organisation: Organisation, goal_ids: Iterable[int]) -> dict[int, MeasuredStatus]:
    """Goal id -> its computed status, for the goals that have one (measured indicators)."""
    ids = list(goal_ids)
    found: dict[int, MeasuredStatus] = {}
    if not ids:
        return found
    for c in contributions():
        if c.goal_status:
            found.update(c.goal_status(organisation, ids))
    return found


def measure(key: str) -> Measure | None:
    for c in contributions():
        if key in c.measures:
            return c.measures[key]
    return None


def offer(name: str) -> Callable[..., Any] | None:
    """The service ``name`` some app offers, or None (the caller then leaves the link out)."""
    for c in contributions():
        if name in c.offers:
            return c.offers[name]
    return None
