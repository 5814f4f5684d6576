"""Small hand-made records of every contract, for tests (no article text from ../shared)."""

from marsad.schemas.records import (
    EnrichedArticle,
    EnrichedEvent,
    Entity,
    EventArgument,
    EventLocation,
    EventTime,
    Place,
    Plover,
    Quote,
    Span,
    TimeMention,
)

BODY = "اعتقلت الشرطة ثلاثة أشخاص في بغداد أمس."


def enriched_event() -> EnrichedEvent:
    return EnrichedEvent(
        event_id="0123456789abcdef0123",
        article_id="a-1",
        type="arrest",
        plover=Plover("COERCE", "arrest"),
        trigger=EventArgument("اعتقلت", 0, 6),
        sentence=Span(0, len(BODY)),
        sentence_text=BODY,
        actor=EventArgument("الشرطة", 7, 13, "ORG", None, None),
        target=None,
        location=EventLocation("بغداد", 29, 34, "Baghdad", "IQ", "07", 98182, "P", 33.34, 44.40),
        time=EventTime("أمس", 35, 38, "2026-11-23", "day", "published"),
        killed=None,
        injured=None,
        arrested=3,
        count_text=None,
        background=False,
        confidence=0.8,
        source="example",
        url=None,
        published_at="2026-11-24",
        ingested_at="2026-11-24T12:00:00.000Z",
        pipeline_version="marsad/test",
    )


def enriched_article() -> EnrichedArticle:
    return EnrichedArticle(
        id="a-1",
        url=None,
        source="example",
        title=None,
        published_at="2026-11-24",
        ingested_at="2026-11-24T12:00:00.000Z",
        language="ar",
        fingerprint="sha256:" + "0" * 64,
        entities=[Entity("بغداد", "LOC", 29, 34, "marsad:loc/baghdad", "بغداد", None, "gazetteer")],
        places=[Place("بغداد", 29, 34, "Baghdad", "IQ", "07", 98182, "P", 33.34, 44.40)],
        times=[TimeMention("أمس", 35, 38, "relative", "2026-11-23", "day", "published")],
        quotes=[Quote("التحقيق مستمر", 0, 13, "المتحدث", None, None, None, "قال")],
        events=[enriched_event()],
        pipeline_version="marsad/test",
    )
