"""Results as display rows: every number formatted by lerend.kit.numbers (one number rule)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.kit import numbers

BANDS = {
    "none": gettext_lazy("none"),
    "under_quarter": gettext_lazy("under a quarter"),
    "quarter_to_half": gettext_lazy("a quarter to half"),
    "half_or_more": gettext_lazy("half or more"),
}


def points(value) -> str:
    """A change in percentage points, with its sign."""
    text = numbers.number(value * 100, 0)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def team_rows(results, purpose: int = 0) -> list[dict]:
    rows = []
    for row in results.teams:
        m = row.measures.get(purpose)
        if m is None:
            continue
        rows.append(
            {
                "team": row.team.name,
                "location": row.team.location.name,
                "density": numbers.percent(m.density),
                "reciprocity": numbers.percent(m.reciprocity),
                "centralisation": numbers.percent(m.centralisation),
                "isolates": BANDS.get(m.isolates_band, m.isolates_band),
                "change": {
                    "density": points(row.change["density"]),
                    "centralisation": points(row.change["centralisation"]),
                }
                if row.change and purpose == 0
                else None,
            }
        )
    return rows


def matrix_table(matrix, names: dict) -> dict:
    header = [names[u].name if hasattr(names[u], "name") else names[u] for u in matrix.units]
    rows = []
    for a in matrix.units:
        cells = []
        for b in matrix.units:
            if a == b:
                cells.append(
                    {"text": "–", "note": _("within the team or location: see the measures")}
                )
            elif matrix.cells[(a, b)] is None:
                cells.append({"text": "·", "note": _("not shown, to protect anonymity")})
            else:
                cells.append({"text": numbers.count(matrix.cells[(a, b)]), "note": ""})
        total = matrix.row_totals[a]
        rows.append(
            {
                "name": header[matrix.units.index(a)],
                "cells": cells,
                "total": "·" if total is None else numbers.count(total),
            }
        )
    columns = [
        "·" if matrix.column_totals[b] is None else numbers.count(matrix.column_totals[b])
        for b in matrix.units
    ]
    return {"header": header, "rows": rows, "column_totals": columns}
