"""Goals, development themes (with their projects) and actions in the organisation's search
(kit.contrib.SearchDocument), with the audiences of their pages: every member reads goals and
themes (rules.can_read_goals, can_read_themes); an action lives on its team's board, read
by the team and the leaders and coaches covering it (rules.can_view_board)."""

from django.urls import reverse

from lerend.kit.contrib import SearchDocument

from .models import Action, DevelopmentTheme, Goal, ThemeProject


def search_documents(organisation):
    slug = organisation.slug
    for goal in Goal.objects.filter(organisation=organisation).only(
        "pk", "title", "why", "indicator", "building_blocks"
    ):
        yield SearchDocument(
            kind="goal",
            key=str(goal.pk),
            title=goal.title,
            body="\n".join(p for p in (goal.why, goal.indicator) if p),
            url=reverse("improvement:goal_detail", args=[slug, goal.pk]),
            audience="organisation",
            building_blocks=tuple(goal.building_blocks),
        )
    projects: dict[int, list[str]] = {}
    for theme_id, title, description in ThemeProject.objects.filter(
        theme__organisation=organisation
    ).values_list("theme_id", "title", "description"):
        projects.setdefault(theme_id, []).extend(p for p in (title, description) if p)
    for theme in DevelopmentTheme.objects.filter(organisation=organisation).only(
        "pk", "title", "description", "building_blocks"
    ):
        yield SearchDocument(
            kind="theme",
            key=str(theme.pk),
            title=theme.title,
            body="\n".join([theme.description, *projects.get(theme.pk, [])]),
            url=reverse("improvement:theme_detail", args=[slug, theme.pk]),
            audience="organisation",
            building_blocks=tuple(theme.building_blocks),
        )
    for action in Action.objects.filter(organisation=organisation).only(
        "pk", "title", "learned", "team_id", "building_blocks"
    ):
        yield SearchDocument(
            kind="action",
            key=str(action.pk),
            title=action.title,
            body=action.learned,
            url=reverse("improvement:board", args=[slug, action.team_id]),
            audience="team",
            team_id=action.team_id,
            building_blocks=tuple(action.building_blocks),
        )
