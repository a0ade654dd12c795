"""What a results page (and the team PDF) shows, as one context dict per group.

Shared by views_results.py and pdf.py so the page and the PDF carry the same numbers and the
same SVG. Everything comes from :class:`results.CampaignResults`, i.e. through the plan.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.organisations.models import Location, Team

from .. import charts
from . import levels
from .core import CampaignResults, GroupResult, location_ref, organisation_ref, team_ref
from .guide import discussion_guide


def hidden_message() -> str:
    """The ONE neutral message for every hidden group (docs/anonymity.md)."""
    return _(
        "Too few respondents to show results. Not shown, to protect anonymity: fewer than "
        "the minimum number of people answered here, or showing it would reveal a smaller group."
    )


def action_url(slug: str, dimension, team=None) -> str:
    params = {"origin": "scan"}
    if dimension.building_block:
        params["block"] = dimension.building_block
    if team is not None:
        params["team"] = team.pk
    return reverse("improvement:action_create", args=[slug]) + "?" + urlencode(params)


def _dimension_names(results: CampaignResults) -> list[str]:
    return [str(d.name) for d in results.instrument.dimensions]


def _means(group: GroupResult) -> list[float | None]:
    return [d.mean for d in group.dimensions]


def _matrix(results: CampaignResults, groups: list[GroupResult], title: str) -> dict:
    """Heatmap SVG plus the rows of its table alternative."""
    rows = [(g.ref.label, _means(g) if g.visible else None) for g in groups]
    return {
        "title": title,
        "columns": _dimension_names(results),
        "rows": [
            {
                "label": g.ref.label,
                "visible": g.visible,
                "n": g.respondents,
                "cells": [charts.fmt(m) for m in _means(g)],
                "ref": g.ref,
            }
            for g in groups
        ],
        "svg": charts.heatmap(
            _dimension_names(results), rows, title=title, hidden_label=_("Not shown")
        ),
    }


def _trend(results: CampaignResults, group: GroupResult) -> dict | None:
    points = results.trend(group.ref)
    if not points:
        return None
    columns = [p.campaign.title for p in points]
    rows = [
        (str(d.name), [p.means.get(d.key) if p.visible else None for p in points])
        for d in results.instrument.dimensions
    ]
    return {
        "columns": columns,
        "points": points,
        "rows": [
            {"label": label, "cells": [charts.fmt(v) for v in values]} for label, values in rows
        ],
        "svg": charts.trend(rows, columns, title=_("Trend across campaigns")),
    }


def group_context(
    results: CampaignResults,
    group: GroupResult,
    *,
    slug: str,
    compare: GroupResult | None = None,
    team=None,
    comments_allowed: bool = False,
    inline_comments: bool = False,
) -> dict:
    """Everything about one group shown on its page: key figures per dimension, radar
    against the organisation, distribution bars, strongest and weakest items, trend, guide."""
    context = {
        "results": results,
        "group": group,
        "hidden_message": hidden_message(),
        "scale": results.scale,
        "comments_allowed": comments_allowed,
    }
    if not group.visible:
        return context
    names = _dimension_names(results)
    series = [(group.ref.label, _means(group))]
    if compare is not None and compare.visible and compare.ref.key != group.ref.key:
        series.append((compare.ref.label, _means(compare)))
    context["compare"] = compare if len(series) > 1 else None
    context["radar"] = charts.radar(
        names, series, title=_("Mean per dimension: %(group)s") % {"group": group.ref.label}
    )
    context["radar_table"] = {
        "columns": [label for label, _values in series],
        "rows": [
            {"label": name, "cells": [charts.fmt(values[i]) for _label, values in series]}
            for i, name in enumerate(names)
        ],
    }
    scale_labels = [str(o.label) for o in results.scale.options]
    context["bars_table"] = {
        "columns": [*scale_labels, _("n")],
        "rows": [
            {
                "label": str(d.name),
                "cells": [*(r["share"] for r in d.distribution_rows), d.counts.n],
            }
            for d in group.dimensions
        ],
    }
    context["scale_labels"] = scale_labels
    context["bars"] = charts.distribution(
        [(str(d.name), [share for _s, _c, share in d.distribution]) for d in group.dimensions],
        scale_labels,
        title=_("Distribution of the answers per dimension"),
    )
    verdicts = levels.verdicts(
        {d.key: d.mean for d in group.dimensions},
        [d.key for d in group.dimensions],
        results.scale.points,
    )
    context["rows"] = [
        {
            "dimension": d,
            "level": levels.label(verdicts.get(d.key)),
            "low": verdicts[d.key].level == levels.LOW or verdicts[d.key].start_here,
            "compare": compare.dimension(d.key) if context["compare"] else None,
            "action_url": action_url(slug, d, team),
        }
        for d in group.dimensions
    ]
    context["trend"] = _trend(results, group)
    context["guide"] = discussion_guide(group, results.scale.points)
    # Inline only on team pages: an organisation's thousands of comments belong on the
    # search page, and reading them would slow the dashboard down.
    if inline_comments:
        context["comments"] = results.comments(group.ref, role_allowed=comments_allowed)
    return context


def organisation_context(results: CampaignResults, organisation, *, slug, comments_allowed):
    ref = organisation_ref(organisation)
    group = results.group(ref)
    context = group_context(results, group, slug=slug, comments_allowed=comments_allowed)
    if group.visible:
        locations = list(
            Location.objects.filter(organisation=organisation, pk__in=results.location_ids)
        )
        context["locations"] = results.many(
            [location_ref(loc) for loc in locations], "location_key"
        )
        context["heatmap"] = _matrix(
            results, context["locations"], _("Mean per location and dimension")
        )
        context["location_objects"] = {loc.pk: loc for loc in locations}
    return context


def location_context(results, location, *, slug, organisation_group, comments_allowed):
    group = results.group(location_ref(location))
    context = group_context(
        results,
        group,
        slug=slug,
        compare=organisation_group,
        comments_allowed=comments_allowed,
    )
    if group.visible:
        teams = list(Team.objects.filter(location=location, pk__in=results.team_ids))
        context["teams"] = results.many([team_ref(t) for t in teams], "team_key")
        context["heatmap"] = _matrix(results, context["teams"], _("Mean per team and dimension"))
    return context
