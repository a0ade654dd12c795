"""The framework data: complete, consistent, and faithful to the seeds where we checked."""

import shutil

import networkx as nx
import pytest
from django.utils import translation

from lerend.frameworks import registry
from lerend.frameworks.registry import DATA_DIR, FrameworkDataError, load


def test_building_blocks_are_exactly_twelve_in_order():
    keys = registry.block_keys()
    assert len(keys) == 12
    assert keys == (
        "pedagogisch-professionals",
        "team",
        "visie-missie-doelen",
        "pedagogisch-leiderschap",
        "monitoring-evaluatie",
        "innovatie",
        "professionalisering",
        "coaching",
        "structuur",
        "cultuur",
        "partnerschap-ouders",
        "ketenpartners",
    )
    assert [b.chapter for b in registry.building_blocks()] == list(range(3, 15))


def test_building_blocks_environment_sphere_is_parents_and_partners():
    environment = [b.key for b in registry.building_blocks() if b.sphere == "environment"]
    assert environment == ["partnerschap-ouders", "ketenpartners"]


def test_relations_all_refer_to_existing_blocks_and_never_to_self():
    keys = set(registry.block_keys())
    for rel in registry.relations():
        assert rel.from_key in keys and rel.to_key in keys, rel
        assert rel.from_key != rel.to_key, rel
        assert rel.source.startswith("seed 003 paragraph ")
        assert rel.source.removeprefix("seed 003 paragraph ") in keys


def test_relations_leadership_influences_all_blocks():
    """Seed 003, paragraph leiderschap: 'ze heeft invloed op alle bouwstenen'."""
    general = [
        r for r in registry.influences_of("pedagogisch-leiderschap") if r.general and r.directed
    ]
    assert sorted(r.to_key for r in general) == sorted(
        k for k in registry.block_keys() if k != "pedagogisch-leiderschap"
    )


def test_relations_innovation_and_development_relate_to_all_without_direction():
    """Seed 003: innovatie and professionalisering 'hangen samen met alle bouwstenen'."""
    for key in ("innovatie", "professionalisering"):
        general = [r for r in registry.connected_with(key) if r.general and r.from_key == key]
        assert {r.to_key for r in general} == set(registry.block_keys()) - {key}
        assert not any(r.general for r in registry.influences_of(key))


def test_relations_structure_and_culture_act_on_innovation():
    """Seed 003, paragraph innovatie: structuur and cultuur 'kunnen meer of minder
    stimulerend zijn voor innovatie'."""
    sources = {r.from_key for r in registry.influenced_by("innovatie", include_general=False)}
    assert {"structuur", "cultuur", "partnerschap-ouders", "ketenpartners"} <= sources


def test_relations_development_and_coaching_spark_professionals():
    """Seed 003, paragraph pedagogisch professionals: a leergierige houding 'kan worden
    aangewakkerd door' professionalisering and coaching."""
    rels = [
        r
        for r in registry.influenced_by("pedagogisch-professionals", include_general=False)
        if r.source == "seed 003 paragraph pedagogisch-professionals"
    ]
    assert [r.from_key for r in rels] == [
        "team",
        "pedagogisch-leiderschap",
        "professionalisering",
        "coaching",
        "cultuur",
    ]


def test_relations_monitoring_only_belongs_together_with_coaching():
    """Seed 003, paragraph monitoring: M&E 'hangen sterk samen met' innovatie,
    professionalisering en coaching — no direction given."""
    rels = [
        r
        for r in registry.connected_with("monitoring-evaluatie", include_general=False)
        if r.source == "seed 003 paragraph monitoring-evaluatie"
    ]
    assert sorted(r.to_key for r in rels) == ["coaching", "innovatie", "professionalisering"]
    assert all(not r.directed for r in rels)


def test_relation_graph_has_undirected_relations_both_ways():
    graph = registry.relation_graph()
    assert isinstance(graph, nx.DiGraph)
    assert graph.number_of_nodes() == 12
    both = graph.edges["ketenpartners", "partnerschap-ouders"]
    back = graph.edges["partnerschap-ouders", "ketenpartners"]
    assert back["directed"] is True  # parents act on all blocks (general)
    assert both["directed"] is False and both["general"] is False
    edge = graph.edges["cultuur", "coaching"]
    assert edge["directed"] is True and edge["general"] is False
    assert (
        not graph.has_edge("coaching", "cultuur") or graph.edges["coaching", "cultuur"]["general"]
    )


def test_relation_graph_is_a_copy():
    registry.relation_graph().remove_node("team")
    assert registry.relation_graph().has_node("team")


def test_block_unknown_key_raises_key_error():
    with pytest.raises(KeyError):
        registry.block("bestaat-niet")


def test_ontwikkelhuis_has_four_plus_four_elements():
    house = registry.ontwikkelhuis()
    assert [layer.key for layer in house.layers] == [
        "foundation",
        "structure",
        "capacity",
        "culture",
    ]
    assert [e.key for e in house.layer("capacity").elements] == [
        "betrekken-medewerkers",
        "leervormen",
        "aansluiten-behoeften",
        "onderzoekend-leren",
    ]
    assert [e.key for e in house.layer("culture").elements] == [
        "eigen-regie",
        "continu-ontwikkelen",
        "gespreid-leiderschap",
        "verbeterde-leeropbrengsten",
    ]


def test_smaller_models_have_their_counts():
    assert len(registry.nji_elements()) == 3
    assert len(registry.characteristics()) == 5
    assert len(registry.sola_dimensions()) == 7


def test_practices_link_only_to_known_blocks_and_values():
    keys = set(registry.block_keys())
    practices = registry.practices()
    assert len({p.key for p in practices}) == len(practices)
    for p in practices:
        assert p.building_blocks and set(p.building_blocks) <= keys, p.key
        assert set(p.levels) <= set(registry.LEVELS), p.key
        assert set(p.phases) <= set(registry.PHASES), p.key


def test_practices_library_names_the_practices_of_the_seeds():
    names = {str(p.name.get("nl")).lower() for p in registry.practices()}
    for expected in (
        "intervisie",
        "collegiale visitatie",
        "bordsessie",
        "reflectieverslag",
        "teamreflectie",
        "experimenteerruimte",
        "studiedag",
        "kenniskring",
        "werkbijeenkomst",
        "informeel leernetwerk",
        "leerteam",
        "gesprekscyclus",
    ):
        assert any(expected in name for name in names), expected
    assert registry.practice("plg").workflow == "collaboration.learning_group"


def test_practices_for_block_returns_practices_serving_it():
    keys = [p.key for p in registry.practices_for_block("coaching")]
    assert "coaching" in keys and "lesbezoek-feedback" in keys
    assert all("coaching" in p.building_blocks for p in registry.practices_for_block("coaching"))


def test_text_follows_active_language():
    name = registry.block("professionalisering").name
    with translation.override("en"):
        assert str(name) == "Professional development"
    with translation.override("nl"):
        assert str(name) == "Professionalisering"
    assert name.get("en") == "Professional development"


# --- the loader rejects broken data with a clear message ---------------------------------------


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_load_accepts_shipped_data(data_copy):
    assert len(load(data_copy).blocks) == 12


def test_load_rejects_unknown_block_in_relation(data_copy):
    _replace(data_copy / "building_blocks.yaml", "  - from: cultuur\n", "  - from: cultuurr\n")
    with pytest.raises(FrameworkDataError) as err:
        load(data_copy)
    assert str(err.value).startswith("building_blocks.yaml: relations[")
    assert "unknown building block 'cultuurr'" in str(err.value)


def test_load_rejects_relation_to_self(data_copy):
    _replace(
        data_copy / "building_blocks.yaml",
        "  - from: coaching\n    to: team\n",
        "  - from: coaching\n    to: coaching\n",
    )
    with pytest.raises(FrameworkDataError, match="coaching -> coaching.*cannot relate to itself"):
        load(data_copy)


def test_load_rejects_duplicate_block_key(data_copy):
    _replace(data_copy / "building_blocks.yaml", "  - key: ketenpartners\n", "  - key: team\n")
    with pytest.raises(FrameworkDataError, match=r"blocks\[11\] \(team\): duplicate key 'team'"):
        load(data_copy)


def test_load_rejects_missing_english(data_copy):
    _replace(data_copy / "nji_elements.yaml", "      en: Dealing with uncertainty\n", "")
    with pytest.raises(FrameworkDataError) as err:
        load(data_copy)
    assert str(err.value) == (
        "nji_elements.yaml: elements[1] (omgaan-met-onzekerheid): 'name' is missing 'en'"
    )


def test_load_rejects_unknown_block_in_practice(data_copy):
    _replace(
        data_copy / "practices.yaml",
        "building_blocks: [team, pedagogisch-professionals, cultuur]",
        "building_blocks: [team, leiderschap]",
    )
    with pytest.raises(FrameworkDataError) as err:
        load(data_copy)
    assert str(err.value) == (
        "practices.yaml: practices[0] (intervisie): unknown building block 'leiderschap'"
    )


def test_load_rejects_invalid_yaml(data_copy):
    (data_copy / "characteristics.yaml").write_text("characteristics: [unclosed\n")
    with pytest.raises(FrameworkDataError, match="^characteristics.yaml: not valid YAML"):
        load(data_copy)
