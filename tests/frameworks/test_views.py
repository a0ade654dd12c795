import re

import pytest
from django.urls import reverse

from lerend.frameworks import registry

pytestmark = pytest.mark.django_db

PAGES = [
    ("frameworks:explorer", []),
    ("frameworks:block", ["cultuur"]),
    ("frameworks:house", []),
    ("frameworks:practices", []),
    ("frameworks:practice", ["intervisie"]),
    ("frameworks:models", []),
]


def url(name, *args):
    return reverse(name, args=["regenboog", *args])


@pytest.mark.parametrize(("name", "args"), PAGES)
@pytest.mark.parametrize("persona", ["staff", "coach", "board"])
def test_pages_members_get_200(client, world, name, args, persona):
    client.force_login(getattr(world, persona))
    assert client.get(url(name, *args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_pages_outsider_gets_404(client, world, name, args):
    client.force_login(world.outsider)
    assert client.get(url(name, *args)).status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_pages_are_read_only(client, world, name, args):
    client.force_login(world.staff)
    assert client.post(url(name, *args)).status_code == 405


def test_block_detail_unknown_key_gives_404(client, world):
    client.force_login(world.staff)
    assert client.get(url("frameworks:block", "bestaat-niet")).status_code == 404


def test_practice_detail_unknown_key_gives_404(client, world):
    client.force_login(world.staff)
    assert client.get(url("frameworks:practice", "bestaat-niet")).status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_pages_need_only_the_tenancy_queries(client, world, name, args, django_assert_num_queries):
    client.force_login(world.staff)
    # session, user, two-factor check, organisation, memberships: nothing else.
    with django_assert_num_queries(5):
        client.get(url(name, *args))


def test_explorer_diagram_links_every_block(client, world):
    client.force_login(world.staff)
    body = client.get(url("frameworks:explorer")).content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    links = re.findall(r'<a class="fw-node" href="([^"]+)"', svg)
    assert links == [url("frameworks:block", key) for key in registry.block_keys()]
    assert 'role="group"' in svg and 'aria-labelledby="blocks-title"' in svg
    assert "marker-end=" in svg and 'stroke-dasharray="7 5"' in svg
    assert " style=" not in body


def test_explorer_text_alternative_lists_relations(client, world):
    client.force_login(world.staff)
    response = client.get(url("frameworks:explorer"))
    culture = next(row for row in response.context["rows"] if row["block"].key == "cultuur")
    assert [b.key for b in culture["acts_on"]] == [
        "pedagogisch-professionals",
        "team",
        "visie-missie-doelen",
        "monitoring-evaluatie",
        "innovatie",
        "professionalisering",
        "coaching",
    ]
    assert culture["acted_on_by"][0].key == "team"


def test_block_detail_shows_relations_with_why_and_practices(client, world):
    client.force_login(world.staff)
    response = client.get(url("frameworks:block", "coaching"))
    body = response.content.decode()
    assert "<h1>Coaching</h1>" in body
    assert "Dat de coach op de groep meekijkt en meedoet, is er heel gewoon." in body
    assert url("frameworks:practice", "lesbezoek-feedback") in body
    assert [r.to_key for r in response.context["acts_on"]] == [
        "pedagogisch-professionals",
        "pedagogisch-professionals",
        "team",
        "innovatie",
        "professionalisering",
    ]


def test_practices_filter_by_block_and_level(client, world):
    client.force_login(world.staff)
    response = client.get(url("frameworks:practices"), {"block": "coaching", "level": "team"})
    assert [p.key for p in response.context["practices"]] == ["coaching"]


def test_practices_filter_ignores_unknown_values(client, world):
    client.force_login(world.staff)
    response = client.get(url("frameworks:practices"), {"block": "bestaat-niet"})
    assert response.status_code == 200
    assert len(response.context["practices"]) == len(registry.practices())
    assert response.context["form"].errors["block"]


def test_house_draws_an_accessible_house(client, world):
    client.force_login(world.staff)
    body = client.get(url("frameworks:house")).content.decode()
    assert 'role="img" aria-labelledby="house-title" aria-describedby="house-desc"' in body
    for element in registry.ontwikkelhuis().layer("culture").elements:
        assert element.name.get("nl") in body


def test_pages_render_in_english(client, world):
    world.staff.language = "en"
    world.staff.save(update_fields=["language"])
    client.force_login(world.staff)
    client.cookies["lerend_language"] = "en"
    explorer = client.get(url("frameworks:explorer")).content.decode()
    assert "Professional development" in explorer
    assert "Relations with chain partners" in explorer
    assert "Professionalisering" not in explorer
    models = client.get(url("frameworks:models")).content.decode()
    assert "Personal mastery" in models
