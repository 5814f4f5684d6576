"""Places named by regional administrative words and front lines (invented sentences)."""

from __future__ import annotations

from functools import cache

import pytest

from marsad.schemas.records import EnrichedArticle, RawArticle
from marsad.streams.pipeline import Pipeline


@cache
def _pipeline() -> Pipeline:
    return Pipeline.load()


def enrich(body: str) -> EnrichedArticle:
    return _pipeline().process(RawArticle(id="t", body=body, published_at="2026-03-10T08:00:00Z"))


def entities(body: str) -> set[tuple[str, str]]:
    return {(entity.text, entity.type) for entity in enrich(body).entities}


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("اندلعت مواجهات عنيفة ليل الأحد في جبهة الكدحة غربي المحافظة بين الجيش ومسلحين.", "الكدحة"),
        ("قتل ثلاثة جنود في هجوم على مواقع للجيش بجبهة مريس شمالي الضالع.", "مريس"),
        ("استهدفت المليشيا بقذائف الهاون مواقع الجيش الوطني في جبهة الكدحة غرب المدينة.", "الكدحة"),
    ],
)
def test_a_front_line_is_a_place(body: str, place: str) -> None:
    found = entities(body)
    assert (place, "LOC") in found
    assert not any(text.startswith(("جبهة", "بجبهة")) for text, kind in found if kind == "ORG")


def test_a_movement_called_a_front_stays_an_organisation() -> None:
    found = entities("قال قيادي في جبهة النصرة إن الهدنة انتهت.")
    assert not any(kind == "LOC" and "النصرة" in text for text, kind in found)


def test_a_municipality_placed_in_its_province_is_no_organisation() -> None:
    found = entities("قضت مفرزة للجيش على إرهابيين اثنين إثر اشتباك مسلح في بلدية تمزقيدة بولاية المدية.")
    assert not any(kind == "ORG" and "تمزقيدة" in text for text, kind in found)
    clashes = [e for e in enrich("اندلع اشتباك مسلح في بلدية تمزقيدة بولاية المدية.").events if e.type == "armed_clash"]
    assert [e.location.text.endswith("تمزقيدة") for e in clashes if e.location] == [True]


def test_a_tunisian_delegation_places_a_protest() -> None:
    article = enrich("نفذ عشرات من أهالي معتمدية الحنشة، أمس الاثنين، وقفة احتجاجية أمام مقر المعتمدية.")
    protests = [e for e in article.events if e.type == "protest"]
    assert protests and protests[0].location is not None
    assert protests[0].location.text.endswith("الحنشة")


def test_a_mayor_s_title_names_no_place() -> None:
    article = enrich("ووصف رئيس بلدية كفرا الغارة بأنها اعتداء جديد على الأهالي.")
    assert not any(place.text.startswith(("بلدية", "لدية")) for place in article.places)


def test_both_sides_of_a_clash_though_neither_is_named() -> None:
    article = enrich("اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحي الجماعة في جبهة مريس.")
    clash = next(e for e in article.events if e.type == "armed_clash")
    assert (clash.actor and clash.actor.text, clash.target and clash.target.text) == (
        "القوات الحكومية",
        "مسلحي الجماعة",
    )


def test_a_front_line_places_its_event_before_the_city_of_the_sentence() -> None:
    article = enrich(
        "وقال مصدر عسكري في محور تعز إن المليشيا استهدفت بقذائف الهاون مواقع الجيش الوطني في جبهة الكدحة غرب المدينة."
    )
    shelling = [e for e in article.events if e.type == "shelling"]
    assert [e.location.text for e in shelling if e.location] == ["الكدحة"]


def test_a_valley_places_its_event() -> None:
    article = enrich("قتل جندي بانفجار عبوة ناسفة استهدفت عجلة عسكرية قرب وادي الزعفران جنوب غربي محافظة نينوى.")
    bombings = [e for e in article.events if e.type == "bombing"]
    assert bombings and bombings[0].location is not None
    assert "الزعفران" in bombings[0].location.text


def test_and_it_led_to_is_no_valley() -> None:
    """وأدى folds to وادي; as written it is a verb, and no place."""
    article = enrich("قصفت الطائرات مدينة سنجة. وأدى القصف إلى انقطاع التيار الكهربائي عن أجزاء واسعة من المدينة.")
    assert not any("أدى" in place.text for place in article.places)
    assert not any(e.location and "أدى" in e.location.text for e in article.events)


def test_a_district_named_by_a_word_in_i_is_a_place() -> None:
    """After a feminine head an adjective ends in -ية; سنوني is the district's name."""
    article = enrich("قتل شخصان بغارة نفذتها طائرة مسيرة استهدفت سيارة عند مدخل ناحية سنوني شمالي قضاء سنجار.")
    strikes = [e for e in article.events if e.type == "airstrike"]
    assert strikes and strikes[0].location is not None
    assert strikes[0].location.text.endswith("سنوني")


def test_the_waw_of_a_valley_is_its_own() -> None:
    article = enrich("قتل راعيان على يد عناصر من تنظيم داعش في منطقة وادي زغيتون جنوب غربي محافظة كركوك.")
    assert ("ادي", "LOC") not in {(entity.text, entity.type) for entity in article.entities}
    attacks = [e for e in article.events if e.type == "attack"]
    assert [e.location.text for e in attacks if e.location] == ["وادي زغيتون"]


def test_the_hospital_the_wounded_were_taken_to_is_not_where_it_happened() -> None:
    article = enrich(
        "أصيب شاب برصاص الجيش خلال اقتحام مخيم الفارعة فجر اليوم، ونقل إلى مستشفى طوباس التركي لتلقي العلاج."
    )
    assert all(e.location is None or "مستشفى" not in e.location.text for e in article.events)
    assert any(e.location is not None and e.location.text.endswith("الفارعة") for e in article.events)


def test_the_camp_a_sentence_named_first_places_a_raid_on_the_camp_later_in_it() -> None:
    """«وفي مخيم العروب ...، فيما أصيب فتى خلال اقتحام المخيم»: المخيم is the camp named before it."""
    article = enrich(
        "شنت قوات الاحتلال حملة اعتقالات في بلدة بيت أمر شمال الخليل.\n\n"
        "وفي مخيم العروب المجاور، اعتقلت قوات الاحتلال ثلاثة شبان، فيما أصيب فتى برصاصة مطاطية خلال اقتحام "
        "المخيم، ونقل إلى مستشفى الخليل الحكومي."
    )
    operations = [e for e in article.events if e.type == "security_operation"]
    assert sorted(e.location.text for e in operations if e.location) == ["بيت أمر", "مخيم العروب"]


def test_a_town_the_next_clause_names_places_strikes_on_its_region() -> None:
    article = enrich(
        "شن الطيران الحربي، ليل الخميس، سلسلة غارات على مناطق في البقاع الشمالي، استهدفت الأولى منزلا في "
        "بلدة بوداي غرب بعلبك، ما أدى إلى مقتل شخصين."
    )
    strikes = [e for e in article.events if e.type == "airstrike"]
    assert [e.location.text for e in strikes if e.location] == ["بوداي"]


def test_a_khirba_is_a_village() -> None:
    article = enrich("هاجم مستوطنون، صباح اليوم، تجمع خربة الفخيت في مسافر يطا جنوب الخليل، واعتدوا على عائلة.")
    attacks = [e for e in article.events if e.type == "attack"]
    assert [e.location.text for e in attacks if e.location] == ["خربة الفخيت"]


def test_a_subdistrict_or_district_word_is_no_part_of_the_place() -> None:
    """Like محافظة and مدينة, ناحية and قضاء introduce the name (ناحية الرياض is the place الرياض)."""
    found = entities("هاجم مسلحون نقطة تفتيش في ناحية الرياض التابعة لقضاء الحويجة غربي كركوك.")
    assert {("الرياض", "LOC"), ("الحويجة", "LOC")} <= found
    assert not any(text.startswith(("ناحية", "قضاء", "لقضاء")) for text, _ in found)


def test_where_the_attackers_fled_to_is_not_where_it_happened() -> None:
    article = enrich(
        "قتل 12 جنديا في هجوم شنه مسلحون على موقع عسكري في بلدة ديابغا شرقي البلاد.\n\n"
        "وقال المصدر إن المسلحين هاجموا الموقع فجر السبت، واستمرت الاشتباكات نحو ثلاث ساعات قبل أن ينسحبوا "
        "باتجاه الحدود مع النيجر."
    )
    assert all(e.location is None or e.location.text != "النيجر" for e in article.events)


def test_a_village_placed_by_a_direction_or_a_region_is_no_name() -> None:
    article = enrich("قتل 22 مدنيا في هجوم شنه مسلحون على قرية بمنطقة تيلابيري غربي النيجر، وأحرقوا قرية غربي البلاد.")
    names = {entity.text for entity in article.entities}
    assert "قرية بمنطقة" not in names and "قرية غربي البلاد" not in names
    assert [e.location.text for e in article.events if e.location] == ["تيلابيري"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال قائد فوج طوارئ الشرطة السابع إن القوة اعتقلت ستة مطلوبين.", "فوج طوارئ الشرطة السابع"),
        ("أعلنت قيادة المنطقة العسكرية الثانية مقتل جندي في هجوم.", "قيادة المنطقة العسكرية الثانية"),
    ],
)
def test_an_organisation_takes_the_ordinal_that_numbers_it(body: str, name: str) -> None:
    assert (name, "ORG") in entities(body)


def test_where_a_shipment_was_to_be_smuggled_is_not_where_it_was_seized() -> None:
    article = enrich(
        "أعلنت وزارة الداخلية ضبط شحنة تضم مليون حبة كبتاغون كانت معدة للتهريب إلى العراق، قرب بلدة السخنة."
    )
    seizures = [e for e in article.events if e.type == "seizure"]
    assert seizures and all(e.location is None or e.location.text != "العراق" for e in seizures)


def test_the_first_of_two_towns_a_dual_names_is_a_place() -> None:
    article = enrich("خطف مجهولون ممرضا صباح السبت على الطريق الواصل بين بلدتي الشحيل والبصيرة في ريف المحافظة.")
    assert [e.location.text for e in article.events if e.location] == ["الشحيل"]


def test_a_radio_named_after_a_region_is_an_outlet() -> None:
    body = 'وتبنت حركة الشباب الهجوم في بيان بثته إذاعة "الأندلس" الناطقة باسمها.'
    assert ("الأندلس", "ORG") in entities(body)


def test_a_road_between_two_towns_places_the_event_at_the_first() -> None:
    article = enrich("اختطف مسلحون شابا على الطريق بين مدينة طفس وبلدة داعل.")
    assert [e.location.text for e in article.events if e.location] == ["طفس"]


def test_a_village_in_the_middle_of_the_country_is_no_village_named_so() -> None:
    assert ("بوسط", "LOC") not in entities("مالي: عشرات القتلى في هجوم على قرية بوسط البلاد")


def test_a_village_named_for_a_family_keeps_its_al() -> None:
    article = enrich("قُتل مدنيان بانفجار لغم في قرية آل سالم بمديرية رغوان.")
    assert [e.location.text for e in article.events if e.location] == ["آل سالم"]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("توغلت قوة إسرائيلية في قرية عين زيوان بريف القنيطرة.", "عين زيوان"),
        ("اندلعت اشتباكات عنيفة في مخيم عين الحلوة جنوب لبنان.", "مخيم عين الحلوة"),
    ],
)
def test_the_first_word_of_a_compound_name_is_not_a_place_alone(body: str, place: str) -> None:
    found = entities(body)
    assert (place, "LOC") in found and ("عين", "LOC") not in found


def test_a_neighbourhood_named_for_a_person_keeps_the_name_after_the_title() -> None:
    """The title stays in the name (not «يوسف» alone); حي with it where the tagger missed the name."""
    article = enrich("نظّم سكان حي الحاج يوسف في الخرطوم بحري، أمس، وقفة احتجاجية أمام مقر المحلية.")
    assert [e.location.text for e in article.events if e.location] in (["حي الحاج يوسف"], ["الحاج يوسف"])
    assert not any(entity.text == "يوسف" for entity in article.entities)


def test_an_oil_or_gas_field_places_the_strike_on_it() -> None:
    article = enrich("استهدفت طائرة مسيّرة مجهولة، ليل الأربعاء، حقل كورمور الغازي في قضاء جمجمال.")
    assert [e.location.text[: len("حقل كورمور")] for e in article.events if e.location] == ["حقل كورمور"]
