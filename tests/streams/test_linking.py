"""Tests for entity linking: aliases to canonical ids, clitics, adjectives, blocked phrases, offsets."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from marsad.streams.linking import Canonical, EntityLinker


@pytest.fixture(scope="module")
def linker() -> EntityLinker:
    return EntityLinker.load()


def test_actors_file_is_well_formed() -> None:
    data = json.loads(resources.files("marsad.streams").joinpath("data/actors.json").read_text("utf-8"))
    ids = [a["id"] for a in data["actors"]]
    assert len(ids) == len(set(ids)) >= 100
    for actor in data["actors"]:
        assert actor["id"].startswith("marsad:")
        assert actor["type"] in {"ORG", "PER", "LOC"}
        assert actor["wikidata"] is None or actor["wikidata"].startswith("Q")
        for alias in actor["aliases"]:  # generic single words must not be scannable aliases
            assert alias not in {"الدولة", "التنظيم", "الجيش", "القاعدة", "الجزيرة", "الحشد"}


@pytest.mark.parametrize(
    ("surfaces", "entity_id"),
    [
        (
            ["قسد", "قوات سوريا الديموقراطية", "قوات سوريا الديمقراطية", "وقسد", "بقوات سوريا الديمقراطية"],
            "marsad:org/sdf",
        ),
        (
            ["داعش", "تنظيم الدولة", "الدولة الإسلامية", "الدولة الاسلامية", "لداعش", "تنظيم داعش الإرهابي"],
            "marsad:org/isis",
        ),
        (["الحوثيون", "جماعة الحوثي", "أنصار الله", "حوثيين"], "marsad:org/houthis"),
        (["حراس الدين", "تنظيم حراس الدين"], "marsad:org/hurras-al-din"),
        (["هيئة تحرير الشام", "الهيئة"], "marsad:org/hts"),
        (["التحالف الدولي", "للتحالف الدولي"], "marsad:org/coalition"),
        (["مجلس الأمن الدولي", "مجلس الأمن"], "marsad:org/unsc"),
        (["أخبار الآن"], "marsad:org/akhbar-al-aan"),
        (["أ ف ب", "فرانس برس"], "marsad:org/afp"),
        (["القاعدة", "تنظيم القاعدة"], "marsad:org/al-qaeda"),
        (["الأسايش", "قوات الأمن الداخلي الكردية", "قوى الأمن الداخلي الكردية"], "marsad:org/asayish"),
    ],
)
def test_aliases_link_to_one_id(linker: EntityLinker, surfaces: list[str], entity_id: str) -> None:
    for surface in surfaces:
        canonical = linker.link(surface)
        assert canonical is not None, surface
        assert canonical.id == entity_id, surface


def test_isis_wikidata(linker: EntityLinker) -> None:
    canonical = linker.link("داعش")
    assert canonical == linker.get("marsad:org/isis")
    assert isinstance(canonical, Canonical) and canonical.wikidata == "Q2429253"


@pytest.mark.parametrize(
    "surface",
    ["الدولة", "التنظيم", "الجيش", "فلان الفلاني", "", "مجلس الأمن القومي", "قسد وحلفاؤها وآخرون"],
)
def test_generic_or_unknown_surfaces_do_not_link(linker: EntityLinker, surface: str) -> None:
    assert linker.link(surface) is None


def test_longer_name_wins_over_its_prefix(linker: EntityLinker) -> None:
    assert linker.link("الجيش السوري الحر").id == "marsad:org/fsa"  # type: ignore[union-attr]
    assert linker.link("الجيش السوري").id == "marsad:org/syrian-army"  # type: ignore[union-attr]
    assert linker.link("كتائب حزب الله").id == "marsad:org/kataib-hezbollah"  # type: ignore[union-attr]


def test_type_hint_filters(linker: EntityLinker) -> None:
    assert linker.link("داعش", "ORG") is not None
    assert linker.link("داعش", "PER") is None
    assert linker.link("بشار الأسد", "PER").id == "marsad:per/assad"  # type: ignore[union-attr]


def test_find_offsets(linker: EntityLinker) -> None:
    text = (
        "أعلنت قسد، بالتعاون مع التحالف الدولي، اعتقال عناصر من تنظيم داعش الإرهابي، "
        "وقال مجلس الأمن القومي إن القاعدة الجوية آمنة بحسب وكالة سانا ولحزب الله."
    )
    found = [(m.text, m.canonical.id) for m in linker.find(text)]
    assert found == [
        ("قسد", "marsad:org/sdf"),
        ("التحالف الدولي", "marsad:org/coalition"),
        ("تنظيم داعش", "marsad:org/isis"),
        ("وكالة سانا", "marsad:org/sana"),
        ("حزب الله", "marsad:org/hezbollah"),
    ]
    for mention in linker.find(text):
        assert text[mention.start : mention.end] == mention.text


def test_find_spans_skip_clitics_diacritics_and_tatweel(linker: EntityLinker) -> None:
    text = "هاجمت وقُوات سوريا الديمقراطية مواقع لـداعش"
    mentions = linker.find(text)
    assert [(m.text, m.canonical.id) for m in mentions] == [
        ("قُوات سوريا الديمقراطية", "marsad:org/sdf"),
        ("داعش", "marsad:org/isis"),
    ]


def test_from_json_minimal() -> None:
    data = {
        "actors": [
            {"id": "marsad:org/x", "name": "جماعة اختبار", "name_en": "Test", "type": "ORG", "aliases": ["اختبار"]}
        ],
        "blocked": ["جماعة اختبار الكبرى"],
    }
    linker = EntityLinker.from_json(data)
    assert linker.link("واختبار").id == "marsad:org/x"  # type: ignore[union-attr]
    assert linker.link("جماعة اختبار الكبرى") is None
    assert [m.text for m in linker.find("قالت جماعة اختبار الكبرى ثم اختبار")] == ["اختبار"]
