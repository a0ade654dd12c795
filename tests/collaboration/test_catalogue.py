import shutil

import pytest
import yaml

from lerend.collaboration import catalogue
from lerend.collaboration.catalogue import DATA_DIR, CatalogueError, load


def test_catalogue_ships_the_four_methods_with_bilingual_timed_steps():
    assert catalogue.method_keys() == (
        "beeld-oordeel-besluit",
        "incidentmethode",
        "balintmethode",
        "vijfstappenmethode",
    )
    for method in catalogue.methods():
        assert len(method.steps) >= 4
        for step in method.steps:
            assert step.title.get("nl") != step.title.get("en")
            assert 1 <= step.minutes <= 120
    generic = catalogue.method("beeld-oordeel-besluit")
    assert [s.title.get("nl") for s in generic.steps][1:4] == [
        "Beeldvorming",
        "Oordeelsvorming",
        "Besluitvorming",
    ]


def test_catalogue_ships_three_rubrics():
    assert catalogue.rubric_keys() == ("kernwaarden", "klas", "interactievaardigheden")
    klas = catalogue.rubric("klas")
    assert [d.key for d in klas.domains] == [
        "klimaat",
        "klassenmanagement",
        "instructie",
        "activering",
        "differentiatie",
    ]
    assert len(klas.scale) == 4
    skills = catalogue.rubric("interactievaardigheden")
    assert len(skills.domains) == 6
    assert [lv.label.get("nl") for lv in skills.scale] == [
        "Zie ik",
        "Zie ik deels",
        "Zie ik nog niet",
    ]
    keys = [item.key for item in skills.items]
    assert len(keys) == len(set(keys))


def test_catalogue_core_values_rubric_takes_items_from_the_vision():
    rubric = catalogue.rubric_for("kernwaarden", core_values=["Vertrouwen", "Nieuwsgierig"])
    assert [(i.key, str(i.text)) for i in rubric.items] == [
        ("kernwaarden.vertrouwen", "Vertrouwen"),
        ("kernwaarden.nieuwsgierig", "Nieuwsgierig"),
    ]
    assert catalogue.rubric_for("kernwaarden").items == ()


def test_catalogue_unknown_key_raises_key_error():
    with pytest.raises(KeyError):
        catalogue.method("bestaat-niet")
    with pytest.raises(KeyError):
        catalogue.rubric("bestaat-niet")


def _broken(tmp_path, filename, change):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / filename
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path / "data"


@pytest.mark.parametrize(
    ("filename", "change", "message"),
    [
        (
            "methods.yaml",
            lambda d: d["methods"][0]["steps"][0].pop("minutes"),
            "methods.yaml: methods[0] (beeld-oordeel-besluit) step 1: 'minutes' must be",
        ),
        (
            "methods.yaml",
            lambda d: d["methods"][1]["name"].pop("en"),
            "methods.yaml: methods[1] (incidentmethode): 'name' is missing 'en'",
        ),
        (
            "methods.yaml",
            lambda d: d["methods"][1].update(key="beeld-oordeel-besluit"),
            "duplicate key 'beeld-oordeel-besluit'",
        ),
        (
            "rubrics.yaml",
            lambda d: d["rubrics"][1].update(scale="vijf"),
            "rubrics.yaml: rubrics[1] (klas): unknown scale 'vijf'",
        ),
        (
            "rubrics.yaml",
            lambda d: d["rubrics"][1].update(sector="ziekenhuis"),
            "unknown sector 'ziekenhuis'",
        ),
        (
            "rubrics.yaml",
            lambda d: d["scales"]["zie-ik"].pop(),
            "scales.zie-ik: a scale has 3 or 4 levels",
        ),
        (
            "rubrics.yaml",
            lambda d: d["rubrics"][2]["domains"][0]["items"][0]["text"].pop("nl"),
            "'text' is missing 'nl'",
        ),
    ],
)
def test_catalogue_load_rejects_broken_data(tmp_path, filename, change, message):
    with pytest.raises(CatalogueError) as error:
        load(_broken(tmp_path, filename, change))
    assert message in str(error.value)


def test_catalogue_load_reports_missing_file(tmp_path):
    with pytest.raises(CatalogueError, match="methods.yaml: file is missing"):
        load(tmp_path)
