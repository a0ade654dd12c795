"""The model explorer: read-only pages over ``registry`` for any member of the organisation.

No view touches the database; the tenant middleware's queries are all a page costs.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from lerend.organisations.decorators import any_member, org_member, require

from . import diagrams, registry
from .forms import PracticeFilterForm


def _names(relations, attr):
    """Distinct blocks at one end of some relations, in block order."""
    keys = {getattr(r, attr) for r in relations}
    return [b for b in registry.building_blocks() if b.key in keys]


@require_safe
@org_member
def explorer(request):
    slug = request.organisation.slug
    rows = [
        {
            "block": b,
            "acts_on": _names(registry.influences_of(b.key, include_general=False), "to_key"),
            "acted_on_by": _names(registry.influenced_by(b.key, include_general=False), "from_key"),
            "together_with": _names(
                registry.connected_with(b.key, include_general=False), "to_key"
            ),
        }
        for b in registry.building_blocks()
    ]
    general = {}
    for rel in registry.relations():
        if rel.general:
            general.setdefault((rel.from_key, rel.source), rel)
    context = {
        "section": "blocks",
        "diagram": diagrams.blocks_diagram(
            registry.building_blocks(),
            registry.relations(),
            href=lambda key: reverse("frameworks:block", args=[slug, key]),
        ),
        "phone_diagram": diagrams.blocks_stack_diagram(
            registry.building_blocks(),
            registry.relations(),
            href=lambda key: reverse("frameworks:block", args=[slug, key]),
        ),
        "swatches": diagrams.legend_swatches(),
        "rows": rows,
        "general": list(general.values()),
    }
    return render(request, "frameworks/explorer.html", context)


def _block(request, key):
    try:
        return registry.block(key)
    except KeyError:
        raise Http404("No such building block") from None


@require_safe
@require(any_member, obj=_block)
def block_detail(request, block):
    key = block.key
    blocks = registry.building_blocks()
    index = blocks.index(block)
    # "All blocks" statements, by this block (once each) or by another block about all.
    general = {}
    for rel in registry.relations():
        if rel.general and key in (rel.from_key, rel.to_key):
            general.setdefault((rel.from_key, rel.source), rel)
    context = {
        "section": "blocks",
        "building_block": block,
        "layer": registry.ontwikkelhuis().layer(block.layer) if block.layer else None,
        "acts_on": registry.influences_of(key, include_general=False),
        "acted_on_by": registry.influenced_by(key, include_general=False),
        "together_with": registry.connected_with(key, include_general=False),
        "general": list(general.values()),
        "practices": registry.practices_for_block(key),
        "previous": blocks[index - 1],
        "next": blocks[(index + 1) % len(blocks)],
    }
    return render(request, "frameworks/block.html", context)


@require_safe
@org_member
def house(request):
    ontwikkelhuis = registry.ontwikkelhuis()
    # Top-down, like the drawing: roof first, foundation last.
    layers = list(reversed(ontwikkelhuis.layers))
    context = {
        "section": "house",
        "house": ontwikkelhuis,
        "layers": layers,
        "diagram": diagrams.house_diagram(ontwikkelhuis),
    }
    return render(request, "frameworks/house.html", context)


@require_safe
@org_member
def practices(request):
    form = PracticeFilterForm(request.GET or None)
    found = form.filtered() if form.is_bound else registry.practices()
    context = {
        "section": "practices",
        "form": form,
        "practices": found,
        "total": len(registry.practices()),
    }
    return render(request, "frameworks/practices.html", context)


def _practice(request, practice):
    try:
        return registry.practice(practice)
    except KeyError:
        raise Http404("No such practice") from None


@require_safe
@require(any_member, obj=_practice)
def practice_detail(request, practice):
    key = practice.key
    related = [
        p
        for p in registry.practices()
        if p.key != key and set(p.building_blocks) & set(practice.building_blocks)
    ][:6]
    context = {"section": "practices", "practice": practice, "related": related}
    return render(request, "frameworks/practice.html", context)


@require_safe
@org_member
def other_models(request):
    context = {
        "section": "models",
        "nji": registry.nji_elements(),
        "characteristics": registry.characteristics(),
        "sola": registry.sola_dimensions(),
    }
    return render(request, "frameworks/models.html", context)
