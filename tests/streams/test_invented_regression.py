"""Aggregate scores on invented articles stay above floors set a little below what the extractor reached.

Sixty-four sets were written for this project by helper sessions, in the style of Arabic wire copy, with gold
in the ../shared/dev format, to probe the extractor on text it was not tuned on: other countries, every
event type, and articles with no conflict at all (``data/invented_articles.jsonl``, 24 articles;
``data/invented_articles_2.jsonl`` to ``_64.jsonl``, 20 each (``_64`` 16), written later, blind to the product and to
one another, and measured before any fix; ``_5`` is pan-Arab and international desks, ``_6`` local and
official press: ministry communiqués, border and drug seizures, tribal clashes, strikes; ``_7`` national
papers and agencies in their house styles; ``_8`` flashes, long reports, analyses and round-ups; ``_9`` the Maghreb
and the Sahel; ``_10`` wire services and TV sites of the Levant, Iraq, Yemen and the Gulf; ``_11`` Egypt, Sudan
and the Horn; ``_12`` international desks; ``_13`` local and regional outlets of the Levant; ``_14`` flashes
and round-ups from Iraq, Libya, Yemen, Somalia and the Gulf; ``_15`` Kurdistan, Iran and Turkey; ``_16``
security news from Syria and Iraq of the kind the product is built for; ``_17`` a Middle East desk's day;
``_18`` regional and local papers at length; ``_19`` wire services; ``_20`` local outlets of Iraq, Syria and the
Maghreb; ``_21`` pan-Arab TV sites; ``_22`` Palestinian, Lebanese, Syrian state and Kurdish outlets; ``_23``
Sudan, Libya, Somalia, Yemen and the Sahel; ``_24`` tickers, round-ups and analyses; ``_25`` Gulf news agencies
and the Yemeni front and ``_26`` North Africa's police, security and court news, both written last and
measured only, no fix made looking at them in their own session; ``_27`` the Sahel, Lake Chad and the Horn;
``_28`` the West Bank, Jerusalem, Gaza and south Lebanon; ``_29`` Iraqi and Syrian security reporting and
``_30`` the state agencies of the Gulf, Egypt and the Maghreb, these two measured only in their session;
``_31`` the Yemeni and Red Sea fronts; ``_32`` wars outside the Arab world as the Arabic press covers them;
``_33`` Syria after the fall of the Assad government and ``_34`` Iraqi, Jordanian and Kurdish security and
crime news, these two measured blind before the last fixes they guided; ``_35`` the West Bank, Gaza and south
Lebanon as Palestinian and Lebanese outlets write them; ``_36`` crime, smuggling, border guards and courts;
``_37`` Turkey, Iran and the Kurdish regions and ``_38`` the Maghreb and the Sahel in Maghrebi outlets' words,
these two measured blind before the last fixes they guided; ``_39`` diplomacy across Arab capitals; ``_40``
protests, strikes and unrest; ``_41`` the Israel-Iran escalation and ``_42`` Iraq's provinces, these two
measured blind before the fixes they guided; ``_43`` Sudan's war, ``_44`` the Horn of Africa, ``_45`` Lebanon's
internal security and ``_46`` Afghanistan, Pakistan and Kashmir, all four written last and measured blind
before the fixes they guided; ``_47`` Libya and Egypt, ``_48`` the Gaza war and the West Bank, ``_49`` long
features full of recaps and quotes, and ``_50`` wire round-ups of many countries, this last one held out and
measured only at the end of its session, before it guided one small fix; ``_51`` and ``_55`` the sport,
business, arts and health pages whose words borrow from war, with a few real security items among them,
``_52`` the sea (Red Sea shipping, piracy, tankers, migrant boats, fishermen), ``_53`` Maghrebi and Egyptian
police, gendarmerie and court news in their own date styles and ``_54`` monitors' casualty tallies, all five
measured blind before the fixes they guided; ``_56`` South and Central Asia and ``_57`` Sub-Saharan Africa as
Arabic outlets report them, full of transliterated names, measured blind before the fixes they guided; ``_58`` the
Arabic services of foreign broadcasters on wars outside the Arab world and ``_59`` Europe's and North America's
security and crime news in the Arabic press, measured blind before the fixes they guided; ``_60`` the security news
of eastern Syria and Iraq's Sunni provinces and ``_61`` live coverage of the wars around Israel, measured blind
before the few fixes they guided; ``_62`` official round-ups and communiqués (list-style bulletins, Hijri dates)
and ``_63`` armed groups' claims and the other side's denials, the last measured blind and guiding no fix;
``_64`` news dense with names (politics and security of Lebanon, Iraq, Libya, Sudan, Yemen and Syria), measured
blind after the NER network was shipped and guiding no fix). The fixes each
of the others led to were made looking at it, so these figures guard them rather than measure generalisation; the
measurements are in docs/quality.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.streams.evaluation import EventReport, evaluate, load_gold, raw_article
from marsad.streams.event_lexicon import CONFLICT_TYPES

DATA = Path(__file__).parent / "data"
SETS = {
    "invented_articles.jsonl": {"entity_f1": 0.79, "event_type_f1": 0.79, "location": 0.75, "counts": 0.78},
    "invented_articles_2.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.77, "location": 0.66, "counts": 0.68},
    "invented_articles_3.jsonl": {"entity_f1": 0.78, "event_type_f1": 0.83, "location": 0.60, "counts": 0.70},
    "invented_articles_4.jsonl": {"entity_f1": 0.79, "event_type_f1": 0.82, "location": 0.78, "counts": 0.74},
    "invented_articles_5.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.70, "location": 0.70, "counts": 0.58},
    "invented_articles_6.jsonl": {"entity_f1": 0.71, "event_type_f1": 0.74, "location": 0.63, "counts": 0.52},
    "invented_articles_7.jsonl": {"entity_f1": 0.67, "event_type_f1": 0.70, "location": 0.57, "counts": 0.41},
    "invented_articles_8.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.70, "location": 0.83, "counts": 0.52},
    "invented_articles_9.jsonl": {"entity_f1": 0.70, "event_type_f1": 0.82, "location": 0.66, "counts": 0.72},
    "invented_articles_10.jsonl": {"entity_f1": 0.74, "event_type_f1": 0.76, "location": 0.65, "counts": 0.70},
    "invented_articles_11.jsonl": {"entity_f1": 0.74, "event_type_f1": 0.73, "location": 0.52, "counts": 0.67},
    "invented_articles_12.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.78, "location": 0.66, "counts": 0.61},
    "invented_articles_13.jsonl": {"entity_f1": 0.72, "event_type_f1": 0.77, "location": 0.58, "counts": 0.63},
    "invented_articles_14.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.78, "location": 0.78, "counts": 0.53},
    "invented_articles_15.jsonl": {"entity_f1": 0.68, "event_type_f1": 0.80, "location": 0.72, "counts": 0.53},
    "invented_articles_16.jsonl": {"entity_f1": 0.77, "event_type_f1": 0.79, "location": 0.75, "counts": 0.53},
    "invented_articles_17.jsonl": {"entity_f1": 0.82, "event_type_f1": 0.71, "location": 0.68, "counts": 0.55},
    "invented_articles_18.jsonl": {"entity_f1": 0.64, "event_type_f1": 0.76, "location": 0.67, "counts": 0.73},
    "invented_articles_19.jsonl": {"entity_f1": 0.79, "event_type_f1": 0.76, "location": 0.77, "counts": 0.70},
    "invented_articles_20.jsonl": {"entity_f1": 0.70, "event_type_f1": 0.78, "location": 0.71, "counts": 0.80},
    "invented_articles_21.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.69, "location": 0.79, "counts": 0.67},
    "invented_articles_22.jsonl": {"entity_f1": 0.68, "event_type_f1": 0.78, "location": 0.72, "counts": 0.71},
    "invented_articles_23.jsonl": {"entity_f1": 0.73, "event_type_f1": 0.84, "location": 0.66, "counts": 0.74},
    "invented_articles_24.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.83, "location": 0.75, "counts": 0.72},
    "invented_articles_25.jsonl": {"entity_f1": 0.69, "event_type_f1": 0.69, "location": 0.62, "counts": 0.72},
    "invented_articles_26.jsonl": {"entity_f1": 0.66, "event_type_f1": 0.67, "location": 0.63, "counts": 0.55},
    "invented_articles_27.jsonl": {"entity_f1": 0.70, "event_type_f1": 0.78, "location": 0.60, "counts": 0.84},
    "invented_articles_28.jsonl": {"entity_f1": 0.66, "event_type_f1": 0.75, "location": 0.65, "counts": 0.56},
    "invented_articles_29.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.73, "location": 0.78, "counts": 0.60},
    "invented_articles_30.jsonl": {"entity_f1": 0.68, "event_type_f1": 0.72, "location": 0.51, "counts": 0.45},
    "invented_articles_31.jsonl": {"entity_f1": 0.77, "event_type_f1": 0.72, "location": 0.70, "counts": 0.58},
    "invented_articles_32.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.78, "location": 0.73, "counts": 0.72},
    "invented_articles_33.jsonl": {"entity_f1": 0.79, "event_type_f1": 0.79, "location": 0.63, "counts": 0.79},
    "invented_articles_34.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.74, "location": 0.61, "counts": 0.58},
    "invented_articles_35.jsonl": {"entity_f1": 0.71, "event_type_f1": 0.77, "location": 0.70, "counts": 0.60},
    "invented_articles_36.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.68, "location": 0.54, "counts": 0.69},
    "invented_articles_37.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.80, "location": 0.65, "counts": 0.53},
    "invented_articles_38.jsonl": {"entity_f1": 0.72, "event_type_f1": 0.73, "location": 0.63, "counts": 0.63},
    "invented_articles_39.jsonl": {"entity_f1": 0.77, "event_type_f1": 0.71, "location": 0.56, "counts": 0.84},
    "invented_articles_40.jsonl": {"entity_f1": 0.71, "event_type_f1": 0.73, "location": 0.56, "counts": 0.60},
    "invented_articles_41.jsonl": {"entity_f1": 0.79, "event_type_f1": 0.77, "location": 0.69, "counts": 0.65},
    "invented_articles_42.jsonl": {"entity_f1": 0.77, "event_type_f1": 0.74, "location": 0.50, "counts": 0.58},
    "invented_articles_43.jsonl": {"entity_f1": 0.66, "event_type_f1": 0.73, "location": 0.60, "counts": 0.72},
    "invented_articles_44.jsonl": {"entity_f1": 0.69, "event_type_f1": 0.72, "location": 0.58, "counts": 0.70},
    "invented_articles_45.jsonl": {"entity_f1": 0.62, "event_type_f1": 0.71, "location": 0.56, "counts": 0.64},
    "invented_articles_46.jsonl": {"entity_f1": 0.73, "event_type_f1": 0.64, "location": 0.39, "counts": 0.62},
    "invented_articles_47.jsonl": {"entity_f1": 0.77, "event_type_f1": 0.84, "location": 0.54, "counts": 0.69},
    "invented_articles_48.jsonl": {"entity_f1": 0.74, "event_type_f1": 0.81, "location": 0.75, "counts": 0.85},
    "invented_articles_49.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.76, "location": 0.74, "counts": 0.73},
    "invented_articles_50.jsonl": {"entity_f1": 0.77, "event_type_f1": 0.80, "location": 0.67, "counts": 0.64},
    "invented_articles_51.jsonl": {"entity_f1": 0.79, "event_type_f1": 0.85, "location": 0.70, "counts": 0.86},
    "invented_articles_52.jsonl": {"entity_f1": 0.76, "event_type_f1": 0.78, "location": 0.49, "counts": 0.53},
    "invented_articles_53.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.79, "location": 0.56, "counts": 0.54},
    "invented_articles_54.jsonl": {"entity_f1": 0.78, "event_type_f1": 0.81, "location": 0.72, "counts": 0.73},
    "invented_articles_55.jsonl": {"entity_f1": 0.75, "event_type_f1": 0.82, "location": 0.68, "counts": 0.92},
    "invented_articles_56.jsonl": {"entity_f1": 0.77, "event_type_f1": 0.80, "location": 0.60, "counts": 0.70},
    "invented_articles_57.jsonl": {"entity_f1": 0.74, "event_type_f1": 0.85, "location": 0.74, "counts": 0.83},
    "invented_articles_58.jsonl": {"entity_f1": 0.74, "event_type_f1": 0.74, "location": 0.71, "counts": 0.58},
    "invented_articles_59.jsonl": {"entity_f1": 0.74, "event_type_f1": 0.79, "location": 0.62, "counts": 0.56},
    "invented_articles_60.jsonl": {"entity_f1": 0.84, "event_type_f1": 0.83, "location": 0.80, "counts": 0.62},
    "invented_articles_61.jsonl": {"entity_f1": 0.78, "event_type_f1": 0.78, "location": 0.81, "counts": 0.66},
    "invented_articles_62.jsonl": {"entity_f1": 0.81, "event_type_f1": 0.77, "location": 0.73, "counts": 0.58},
    "invented_articles_63.jsonl": {"entity_f1": 0.80, "event_type_f1": 0.73, "location": 0.66, "counts": 0.78},
    "invented_articles_64.jsonl": {"entity_f1": 0.79, "event_type_f1": 0.88, "location": 0.70, "counts": 0.67},
}
FLOORS = [(name, figure, floor) for name, floors in SETS.items() for figure, floor in floors.items()]
# Economy, sport, weather and health articles: war words in them are figures of speech or absent.
NOT_CONFLICT = [
    *[("invented_articles.jsonl", i) for i in ("p21", "p22", "p24")],
    *[("invented_articles_2.jsonl", i) for i in ("q10", "q14", "q20")],
    *[("invented_articles_3.jsonl", i) for i in ("r18", "r19", "r20")],
    *[("invented_articles_4.jsonl", i) for i in ("s02", "s09", "s16")],
    *[("invented_articles_5.jsonl", i) for i in ("t15", "t16", "t17", "t18", "t19")],
    *[("invented_articles_6.jsonl", i) for i in ("u11", "u12", "u19", "u20")],
    *[("invented_articles_7.jsonl", i) for i in ("v08", "v09", "v12", "v14", "v17")],
    *[("invented_articles_8.jsonl", i) for i in ("w05", "w08", "w14", "w18")],
    *[("invented_articles_9.jsonl", i) for i in ("x03", "x06", "x09", "x13", "x17")],
    *[("invented_articles_10.jsonl", i) for i in ("y04", "y08", "y11", "y14", "y17", "y19")],
    *[("invented_articles_11.jsonl", i) for i in ("z04", "z08", "z10", "z14", "z17", "z20")],
    *[("invented_articles_12.jsonl", i) for i in ("k03", "k07", "k11", "k14", "k16", "k19")],
    *[("invented_articles_13.jsonl", i) for i in ("m03", "m06", "m09", "m12", "m15", "m18")],
    *[("invented_articles_14.jsonl", i) for i in ("n04", "n08", "n12", "n17", "n18", "n20")],
    *[("invented_articles_15.jsonl", i) for i in ("h15", "h16", "h17", "h18", "h19", "h20")],
    *[("invented_articles_16.jsonl", i) for i in ("j04", "j10", "j16", "j19", "j20")],
    *[("invented_articles_17.jsonl", i) for i in ("b16", "b17", "b18", "b19", "b20")],
    *[("invented_articles_18.jsonl", i) for i in ("c16", "c17", "c18", "c19", "c20")],
    *[("invented_articles_19.jsonl", i) for i in ("d02", "d05", "d08", "d15", "d20")],
    *[("invented_articles_20.jsonl", i) for i in ("e04", "e09", "e13", "e16", "e19")],
    *[("invented_articles_21.jsonl", i) for i in ("f12", "f13", "f14", "f15", "f16")],
    *[("invented_articles_22.jsonl", i) for i in ("g04", "g08", "g11", "g15", "g18")],
    *[("invented_articles_23.jsonl", i) for i in ("k16", "k17", "k18", "k19", "k20")],
    # r09 (a sports round-up of clubs named الجيش and الشرطة) still makes events
    *[("invented_articles_24.jsonl", i) for i in ("r08", "r10", "r19", "r20")],
    # p20 (a national-day parade: artillery, «اقتحمت» the skies) still makes events
    *[("invented_articles_25.jsonl", i) for i in ("p16", "p17", "p18", "p19")],
    # q20 (a marathon: «هجوما مبكرا», «خطف» the lead) still makes events
    *[("invented_articles_26.jsonl", i) for i in ("q16", "q17", "q18", "q19")],
    *[("invented_articles_27.jsonl", i) for i in ("a05", "a13", "a15", "a17", "a18")],
    # i12 (exam results: a student quoted «حاصرتُ الكتب كما يحاصرنا الاحتلال») still makes an operation
    *[("invented_articles_28.jsonl", i) for i in ("i08", "i11", "i13", "i14")],
    *[("invented_articles_29.jsonl", i) for i in ("l16", "l17", "l18", "l19", "l20")],
    # o11 (a rally: «خطف السائق ... صدارة الترتيب», the lead taken past the subject) still makes an event
    *[("invented_articles_30.jsonl", i) for i in ("o03", "o07", "o15", "o20")],
    *[("invented_articles_31.jsonl", i) for i in ("ta04", "ta08", "ta12", "ta16", "ta19")],
    *[("invented_articles_32.jsonl", i) for i in ("tb16", "tb17", "tb18", "tb19", "tb20")],
    *[("invented_articles_33.jsonl", i) for i in ("tc03", "tc07", "tc11", "tc14", "tc18")],
    *[("invented_articles_34.jsonl", i) for i in ("td04", "td08", "td12", "td16", "td19")],
    *[("invented_articles_35.jsonl", i) for i in ("te16", "te17", "te18", "te19", "te20")],
    *[("invented_articles_36.jsonl", i) for i in ("tf04", "tf08", "tf12", "tf16", "tf20")],
    *[("invented_articles_37.jsonl", i) for i in ("tg16", "tg17", "tg18", "tg19", "tg20")],
    *[("invented_articles_38.jsonl", i) for i in ("th04", "th08", "th12", "th15", "th19")],
    *[("invented_articles_39.jsonl", i) for i in ("ti16", "ti17", "ti18", "ti19", "ti20")],
    *[("invented_articles_40.jsonl", i) for i in ("tj04", "tj08", "tj12", "tj16", "tj19")],
    *[("invented_articles_41.jsonl", i) for i in ("tk04", "tk09", "tk12", "tk17", "tk20")],
    *[("invented_articles_42.jsonl", i) for i in ("tl07", "tl09", "tl12", "tl15", "tl18")],
    *[("invented_articles_43.jsonl", i) for i in ("tm06", "tm10", "tm13", "tm16", "tm18")],
    *[("invented_articles_44.jsonl", i) for i in ("tn04", "tn08", "tn12", "tn16", "tn20")],
    *[("invented_articles_45.jsonl", i) for i in ("to16", "to17", "to18", "to19", "to20")],
    *[("invented_articles_46.jsonl", i) for i in ("tp05", "tp09", "tp13", "tp17", "tp20")],
    *[("invented_articles_47.jsonl", i) for i in ("tq04", "tq09", "tq12", "tq17", "tq20")],
    *[("invented_articles_48.jsonl", i) for i in ("tr16", "tr17", "tr18", "tr19", "tr20")],
    *[("invented_articles_49.jsonl", i) for i in ("ts16", "ts17", "ts18", "ts19", "ts20")],
    *[("invented_articles_50.jsonl", i) for i in ("tt04", "tt09", "tt13", "tt17", "tt20")],
    *[("invented_articles_51.jsonl", f"tu{n:02}") for n in (4, 6, 8, *range(9, 21))],
    *[("invented_articles_52.jsonl", i) for i in ("tv04", "tv09", "tv13", "tv17", "tv20")],
    *[("invented_articles_53.jsonl", i) for i in ("tw04", "tw09", "tw13", "tw17", "tw20")],
    *[("invented_articles_54.jsonl", i) for i in ("tx04", "tx09", "tx13", "tx17", "tx20")],
    *[("invented_articles_55.jsonl", f"ty{n:02}") for n in (4, 6, 8, *range(9, 21))],
    *[("invented_articles_56.jsonl", i) for i in ("tz04", "tz09", "tz13", "tz17", "tz20")],
    *[("invented_articles_57.jsonl", i) for i in ("ua04", "ua09", "ua13", "ua17", "ua20")],
    *[("invented_articles_58.jsonl", i) for i in ("ub04", "ub09", "ub13", "ub17", "ub20")],
    *[("invented_articles_59.jsonl", i) for i in ("uc04", "uc09", "uc13", "uc17", "uc20")],
    *[("invented_articles_60.jsonl", i) for i in ("ud04", "ud09", "ud13", "ud17", "ud20")],
    *[("invented_articles_61.jsonl", i) for i in ("ue04", "ue09", "ue13", "ue17", "ue20")],
    *[("invented_articles_62.jsonl", i) for i in ("ug04", "ug09", "ug13", "ug17", "ug20")],
    *[("invented_articles_63.jsonl", i) for i in ("uh04", "uh09", "uh13", "uh17", "uh20")],
    *[("invented_articles_64.jsonl", i) for i in ("ui04", "ui09", "ui13")],
]


@pytest.fixture(scope="module")
def pipeline() -> object:
    pipeline_module = pytest.importorskip("marsad.streams.pipeline")
    try:
        return pipeline_module.Pipeline.load()
    except FileNotFoundError as error:
        pytest.skip(f"pipeline resources missing: {error}")


@pytest.fixture(scope="module")
def reports(pipeline: object) -> dict[str, EventReport]:
    return {name: evaluate(load_gold(DATA / name), pipeline.process) for name in SETS}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "figure", "floor"), FLOORS)
def test_floors(reports: dict[str, EventReport], name: str, figure: str, floor: float) -> None:
    assert reports[name].headline()[figure] >= floor


@pytest.mark.parametrize(("name", "article_id"), NOT_CONFLICT)
def test_no_conflict_event_in_economy_sport_weather_or_health(pipeline: object, name: str, article_id: str) -> None:
    [line] = [line for line in load_gold(DATA / name) if line["id"] == article_id]
    enriched = pipeline.process(raw_article(line))  # type: ignore[attr-defined]
    assert not {event.type for event in enriched.events} & CONFLICT_TYPES
