"""The advice ranking on small hand-made graphs with known answers (no database)."""

import networkx as nx
import pytest
from django.utils import translation

from lerend.frameworks import registry
from lerend.improvement import advice
from lerend.scans.results import levels


def _graph(directed=(), undirected=(), general=()):
    """Edges as relation_graph() builds them: undirected ones both ways."""
    g = nx.DiGraph()
    for u, v in directed:
        g.add_edge(u, v, directed=True, general=False)
    for u, v in undirected:
        g.add_edge(u, v, directed=False, general=False)
        g.add_edge(v, u, directed=False, general=False)
    for u, v in general:
        g.add_edge(u, v, directed=True, general=True)
    return g


def _keys(result):
    return [(a.block, a.leverage) for a in result]


def test_rank_counts_directed_influence_on_other_low_blocks():
    # a -> b, a -> c; b and c low too; d scores fine.
    g = _graph(directed=[("a", "b"), ("a", "c"), ("d", "a")])
    result = advice.rank({"a": 2.5, "b": 2.5, "c": 2.8, "d": 4.0}, g)
    # a: 0.5 + 0.5 * 2 = 1.5; b: 0.5; c: 0.2; d influences a (low) but is not low: 0.5 * 1.
    assert _keys(result) == [("a", 1.5), ("b", 0.5), ("d", 0.5), ("c", 0.2)]
    assert result[0].influences == ("b", "c")


def test_rank_counts_undirected_relations_half():
    g = _graph(directed=[("a", "c")], undirected=[("b", "c")])
    result = advice.rank({"a": 2.0, "b": 2.0, "c": 2.0}, g, order=["a", "b", "c"])
    # a: 1 + 0.5*1; b: 1 + 0.5*0.5; c: 1 + 0.5*0.5 (linked with b)
    assert _keys(result) == [("a", 1.5), ("b", 1.25), ("c", 1.25)]
    assert result[1].linked == ("c",)


def test_rank_ignores_influence_on_blocks_that_score_well_or_are_hidden():
    g = _graph(directed=[("a", "b"), ("a", "c")])
    result = advice.rank({"a": 2.0, "b": 4.5, "c": None}, g)
    assert _keys(result) == [("a", 1.0)]
    assert result[0].influences == ()


def test_rank_adds_the_gap_against_the_organisation():
    g = _graph()
    result = advice.rank(
        {"a": 3.2, "b": 2.9}, g, organisation_scores={"a": 4.0, "b": 2.5, "c": 1.0}
    )
    # a is not low but 0.8 behind; b is low by 0.1 and ahead of the organisation. Both are the
    # report's "begin hier" (the two lowest that are not strong), lowest first.
    assert _keys(result) == [("b", 0.1), ("a", 0.8)]
    assert all(a.start_here for a in result)
    assert result[1].gap == pytest.approx(0.8)
    assert result[0].gap == 0


def test_rank_caps_general_relations():
    # "g influences all": five low blocks through general relations count 0.25 each, capped at 1.
    others = ["b", "c", "d", "e", "f"]
    g = _graph(directed=[("a", "b")], general=[("g", o) for o in others])
    scores = dict.fromkeys(["a", "g", *others], 2.0)
    result = {a.block: a for a in advice.rank(scores, g)}
    assert result["g"].leverage == 1 + 0.5 * 1.0  # capped at GENERAL_CAP
    assert result["g"].influences == ()  # general relations are not cited
    assert result["a"].leverage == 1 + 0.5 * 1.0


def test_rank_is_deterministic_on_ties_by_score_then_model_order():
    g = _graph()
    result = advice.rank({"c": 2.0, "a": 2.0, "b": 1.0}, g, order=["a", "b", "c"])
    assert [a.block for a in result] == ["b", "a", "c"]


def test_rank_gives_practices_to_the_top_three_only():
    g = _graph()
    scores = {"a": 1.0, "b": 1.5, "c": 2.0, "d": 2.5}
    result = advice.rank(scores, g, practices_for=lambda key: (f"p-{key}",))
    assert [a.practices for a in result] == [("p-a",), ("p-b",), ("p-c",), ()]


def test_rank_with_every_block_strong_proposes_nothing():
    assert advice.rank({"a": 4.0, "b": 4.6}, _graph(directed=[("a", "b")])) == []


def test_rank_names_the_reports_start_here_blocks_first_even_when_none_is_low():
    """The issue's contradiction: the report said "begin hier" at Cultuur and Innovatie while
    the advice said nothing scored low. Now both read scans' one rule."""
    scores = dict.fromkeys(registry.block_keys(), 3.8)
    scores.update({"cultuur": 3.14, "innovatie": 3.25, "structuur": 4.3})
    result = advice.rank(scores, registry.relation_graph(), order=registry.block_keys())
    start = levels.start_here(scores, registry.block_keys())
    assert start == ("cultuur", "innovatie")
    assert [a.block for a in result[:2]] == list(start)
    assert [a.score for a in result[:2]] == [3.1, 3.3]  # as the pages write them
    assert not any(a.is_low for a in result)
    # Strong itself, structuur is proposed only as a lever on the weak blocks it influences.
    structuur = next(a for a in result if a.block == "structuur")
    assert structuur.is_lever and not structuur.start_here and structuur.lowness == 0


def test_rank_keeps_the_relations_and_numbers_it_used():
    g = _graph(directed=[("a", "b")], undirected=[("a", "c")], general=[("a", "d")])
    scores = {"a": 2.5, "b": 2.04, "c": 2.8, "d": 2.9, "e": 4.5}
    top = next(a for a in advice.rank(scores, g, order=list("abcde")) if a.block == "a")
    assert [(r.target, r.target_score, r.weight) for r in top.relations] == [
        ("b", 2.0, 1.0),
        ("c", 2.8, 0.5),
        ("d", 2.9, 0.25),
    ]
    assert top.influence == 1.75
    assert top.leverage == pytest.approx(0.5 + 0.5 * 1.75)
    with translation.override("nl"):
        why = advice.why(top, lambda k: k.upper())
    assert why["relations"][0] == {
        "kind": "beïnvloedt",
        "target": "B",
        "target_score": "2,0",
        "adds": "1,00",
    }
    assert (why["lowness"], why["influence"], why["leverage"]) == ("0,5", "1,75", "1,38")


def test_rank_on_the_seed_model_puts_culture_first_when_it_drags_others_down():
    scores = dict.fromkeys(registry.block_keys(), 4.0)
    scores.update({"cultuur": 2.4, "innovatie": 2.6, "monitoring-evaluatie": 2.8})
    result = advice.rank(
        scores,
        registry.relation_graph(),
        order=registry.block_keys(),
        practices_for=registry.practices_for_block,
    )
    assert result[0].block == "cultuur"
    assert result[0].influences == ("monitoring-evaluatie", "innovatie")
    assert result[0].practices == registry.practices_for_block("cultuur")


def _name(key):
    return {"a": "Cultuur", "b": "Innovatie", "c": "Monitoring en evaluatie", "d": "Team"}[key]


def test_explain_in_dutch_names_the_weak_blocks_it_influences_with_their_scores():
    g = _graph(directed=[("a", "b"), ("a", "c")], undirected=[("a", "d")])
    scores = {"a": 2.4, "b": 2.5, "c": 2.9, "d": 2.0}
    ranked = advice.rank(scores, g, organisation_scores={"a": 3.0})
    top = next(a for a in ranked if a.block == "a")
    with translation.override("nl"):
        text = " ".join(advice.explain(top, _name))
    assert text == (
        "Cultuur scoort laag (2,4). In het model beïnvloedt het Innovatie (2,5) en Monitoring "
        "en evaluatie (2,9), die ook aandacht nodig hebben. Het hangt samen met Team (2,0), die "
        "ook aandacht nodig hebben. Dat is 0,6 lager dan de organisatie als geheel (3,0). Als "
        "je hieraan werkt, kunnen die bouwstenen meegroeien."
    )


def test_explain_in_english_without_relations():
    top = advice.rank({"a": 2.0}, _graph())[0]
    with translation.override("en"):
        assert advice.explain(top, _name) == ["Cultuur scores low (2.0)."]
