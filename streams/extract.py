"""The extract stage: a normalized article in, an enriched article (entities, places, times, quotes, events) out."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from itertools import pairwise
from operator import attrgetter

from marsad.schemas.records import (
    EnrichedArticle,
    EnrichedEvent,
    Entity,
    NormalizedArticle,
    Place,
    Plover,
    Span,
    TimeMention,
)

from .context import ArticleContext, EventFinding
from .dateline import Dateline, find_dateline, paragraph_datelines
from .entities import ModelSpan, merge_entities, overlaps, spans_from_labels
from .entity_context import (
    cited_outlets,
    complete_compound_places,
    complete_facility_names,
    complete_family_names,
    complete_given_names,
    complete_role_names,
    complete_unit_ordinals,
    cut_before_names,
    drop_described_places,
    drop_generic_nouns,
    front_line_names,
    join_patronymics,
    names_after_roles,
    names_outlet,
    not_after_villages,
    region_with_its_word,
    retype_by_context,
    short_names,
    source_mentions,
    spokesperson_names,
    token_cues,
)
from .entity_rules import extend_nationality, forces_of_places, regional_commands, rule_spans
from .event_arguments import build_index, phrase_places
from .events import find_events, plover_for
from .geocode import Geocoder
from .linking import EntityLinker
from .ner import EntityTagger
from .numbers import find_numbers
from .place_context import anchors, place_within
from .place_spotter import PlaceSpotter
from .quotes import SPEECH_VERBS, find_quotes
from .timex import find_times
from .tokenize import Sentence, Token

__all__ = ["Extractor", "event_id"]

_new_tuple = tuple.__new__
_plover_for = lru_cache(maxsize=4096)(plover_for)  # pure, and triggers recur


@dataclass(frozen=True, slots=True)
class Extractor:
    """Holds the loaded resources (NER model, gazetteers); one per process, shared by every article."""

    tagger: EntityTagger
    linker: EntityLinker
    geocoder: Geocoder
    spotter: PlaceSpotter
    pipeline_version: str = ""
    _known_names: dict[str, tuple[object, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, pipeline_version: str = "") -> Extractor:
        """Load every resource once (about a second); later calls in the process reuse them."""
        return cls(*_resources(), pipeline_version=pipeline_version)

    def __call__(self, article: NormalizedArticle) -> EnrichedArticle:
        return self.extract(article)

    def extract(self, article: NormalizedArticle) -> EnrichedArticle:
        context = self.context(article)
        index = build_index(context) if context.tokens else None
        findings = find_events(context, index)
        # places only the event pickers' place phrases found (في ناحية العظيم): unresolved, but the article's
        phrased = phrase_places(index) if index is not None else []
        return EnrichedArticle(
            id=article.id,
            url=article.url,
            source=article.source,
            title=article.title,
            published_at=article.published_at,
            ingested_at=article.ingested_at,
            language=article.language,
            fingerprint=article.fingerprint,
            entities=sorted([*context.entities, *map(_place_entity, phrased)], key=_position),
            places=sorted([*context.places, *phrased], key=_position),
            times=[_time_record(t) for t in context.times],
            quotes=find_quotes(context),
            events=_dedupe([self._event(article, f) for f in findings]),
            pipeline_version=self.pipeline_version,
        )

    def context(self, article: NormalizedArticle) -> ArticleContext:
        """Everything found in the article before events: the finders read only this."""
        body = article.body
        # tuple.__new__ skips the named tuple's Python-level constructor: hundreds of tokens per article
        tokens = [_new_tuple(Token, (body[s:e], s, e, key)) for s, e, key in article.tokens]
        sentences = [Sentence(body[s.start : s.end], s.start, s.end) for s in article.sentences]
        entities, dateline, later = self._entities(body, tokens, sentences, article.source)
        country_context = self.geocoder.country_context(e.text for e in entities if e.type == "LOC")
        places = [self._place(e, country_context) for e in entities if e.type == "LOC"]
        for i, j in sorted(anchors(body, places).items(), reverse=True):  # inner places after their containers
            places[i] = place_within(places[i], places[j], self._place)
        anchor = date.fromisoformat(article.anchor_date)
        return ArticleContext(
            body=body,
            tokens=tokens,
            sentences=sentences,
            entities=entities,
            places=places,
            times=find_times(body, anchor, article.time_anchor),
            numbers=find_numbers(body),
            anchor_date=anchor,
            time_anchor=article.time_anchor,
            country_context=tuple(country_context),
            dateline=dateline,
            paragraph_datelines=later,
        )

    def _entities(
        self, body: str, tokens: Sequence[Token], sentences: Sequence[Sentence], source: str | None = None
    ) -> tuple[list[Entity], Dateline | None, tuple[Dateline, ...]]:
        """The article's entities, its dateline (the city and agency it was filed from) if it has one, and the
        datelines of later paragraphs (a round-up's items).

        ``source`` is the outlet the producer says the article is from: where the text names it, it is one.
        """
        link = self.linker.link
        grouped = _tokens_by_sentence(tokens, sentences)
        tagged = spans_from_labels(body, grouped, self.tagger.tag_tokens(grouped))
        spans = drop_described_places(drop_generic_nouns(complete_compound_places(body, tagged, tokens)), tokens)
        spans = retype_by_context(spans, tokens)
        if fronts := front_line_names(body, tokens, spans, ModelSpan):
            spans = sorted([*spans, *fronts], key=attrgetter("start"))
        spans = complete_family_names(body, complete_role_names(body, spans, tokens, SPEECH_VERBS), tokens)
        spans = join_patronymics(body, complete_given_names(body, spans, tokens), tokens)
        cues = token_cues(tokens)
        outlets = cited_outlets(body, tokens, cues, link, ModelSpan)
        named_source = [
            m for m in source_mentions(body, tokens, source, ModelSpan) if not overlaps(outlets, m.start, m.end)
        ]
        outlets = sorted([*outlets, *named_source], key=lambda span: span.start)
        named = names_after_roles(body, tokens, spans, ModelSpan)
        spans = cut_before_names(body, spans, named)  # a name after a role the tagger ran into
        rules = [*rule_spans(body, tokens), *spokesperson_names(body, tokens, cues, ModelSpan), *named]
        dateline = find_dateline(body, tokens, lambda text: names_outlet(link, text))
        later = paragraph_datelines(body, tokens, lambda text: names_outlet(link, text), dateline)
        for filed in (dateline, *later):
            if filed is not None and filed.outlet is not None:  # بيروت - أ ف ب: the city and the agency
                (p_start, p_end), (o_start, o_end) = filed.place, filed.outlet
                outlets.append(ModelSpan(body[o_start:o_end], "ORG", o_start, o_end))
                rules.append(ModelSpan(body[p_start:p_end], "LOC", p_start, p_end))
        linked = not_after_villages(self.linker.find(body, tokens), tokens)
        places = drop_generic_nouns(self.spotter.find(body, tokens))
        if outlets:  # a cited outlet (بحسب "الأناضول") is not the region it is named after
            spans = [s for s in spans if not overlaps(outlets, s.start, s.end)] + outlets
            places = [p for p in places if not overlaps(outlets, p.start, p.end)]
            rules = [r for r in rules if r.type != "LOC" or not overlaps(outlets, r.start, r.end)]  # صحراء ميديا
        merged = merge_entities(body, spans, linked, link, self._known, places, rules)
        entities = extend_nationality(body, forces_of_places(body, short_names(tokens, merged), tokens), tokens)
        entities = complete_facility_names(body, regional_commands(body, entities), tokens)
        entities = complete_unit_ordinals(body, region_with_its_word(body, entities, tokens), tokens)
        if dateline is None:  # غزة - ...: without a known agency, only a place the entity layer found
            located = {(e.start, e.end) for e in entities if e.type == "LOC"}
            dateline = find_dateline(body, tokens, _never, lambda start, end: (start, end) in located)
            if dateline is not None and dateline.outlet is not None:  # an outlet no list knows
                start, end = dateline.outlet
                outlet = Entity(body[start:end], "ORG", start, end, source="rule")
                entities = sorted([*(e for e in entities if e.end <= start or e.start >= end), outlet], key=_position)
        return entities, dateline, later

    def _known(self, key: str) -> tuple[object, ...]:
        """What a folded name denotes as a known actor or place (empty: nothing); remembered, names recur.

        An identity, not a yes/no: the linker and the gazetteer both read past a proclitic, so وبغداد and
        بغداد denote the same place, while لبنان (Lebanon) and بنان (a village) do not.
        """
        known = self._known_names.get(key)
        if known is None:
            if len(self._known_names) > 100_000:
                self._known_names.clear()
            actor = self.linker.link(key)
            places = self.geocoder.candidates(key)
            found = (getattr(actor, "id", None), *(p.geonames_id for p in places))
            known = self._known_names[key] = found if actor is not None or places else ()
        return known

    def _place(self, mention: Entity | Place, country_context: Sequence[str]) -> Place:
        """The place record of a LOC mention, resolved with ``country_context`` or left unresolved."""
        place = self.geocoder.resolve(mention.text, country_context)
        if place is None:
            return Place(mention.text, mention.start, mention.end)
        return Place(
            text=mention.text,
            start=mention.start,
            end=mention.end,
            name=place.name,
            country_code=place.country_code,
            admin1=place.admin1,
            geonames_id=place.geonames_id,
            feature_class=place.feature_class,
            lat=place.lat,
            lon=place.lon,
        )

    def _event(self, article: NormalizedArticle, finding: EventFinding) -> EnrichedEvent:
        plover_type, mode = _plover_for(finding.type, finding.trigger.text)
        return EnrichedEvent(
            event_id=event_id(article.id, finding.type, finding.trigger.start, finding.trigger.end),
            article_id=article.id,
            type=finding.type,
            plover=Plover(plover_type, mode),
            trigger=finding.trigger,
            sentence=Span(finding.sentence.start, finding.sentence.end),
            sentence_text=finding.sentence.text,
            actor=finding.actor,
            target=finding.target,
            location=finding.location,
            time=finding.time,
            killed=finding.killed,
            injured=finding.injured,
            arrested=finding.arrested,
            count_text=finding.count_text,
            background=finding.background,
            confidence=round(finding.confidence, 3),
            source=article.source,
            url=article.url,
            published_at=article.published_at,
            ingested_at=article.ingested_at,
            pipeline_version=self.pipeline_version,
        )


def event_id(article_id: str, type_: str, trigger_start: int, trigger_end: int) -> str:
    """A deterministic id: the same article always yields the same ids, so redelivery is detectable."""
    digest = hashlib.sha256(f"{article_id}\x1f{type_}\x1f{trigger_start}\x1f{trigger_end}".encode())
    return digest.hexdigest()[:20]


def _position(entity: Entity | Place) -> tuple[int, int]:
    return entity.start, entity.end


def _place_entity(place: Place) -> Entity:
    return Entity(place.text, "LOC", place.start, place.end, source="rule")


def _never(text: str) -> bool:
    return False


@cache
def _resources() -> tuple[EntityTagger, EntityLinker, Geocoder, PlaceSpotter]:
    return EntityTagger.load(), EntityLinker.load(), Geocoder.load(), PlaceSpotter.load()


def _tokens_by_sentence(tokens: Sequence[Token], sentences: Sequence[Sentence]) -> list[list[Token]]:
    """Tokens cut at sentence ends (a token belongs to the first sentence ending after its start)."""
    if not sentences:
        return []
    starts = [token.start for token in tokens]
    bounds = [0, *(bisect_left(starts, sentence.end) for sentence in sentences[:-1]), len(tokens)]
    return [list(tokens[first:last]) for first, last in pairwise(bounds) if last > first]


def _time_record(expression: object) -> TimeMention:
    return TimeMention(
        text=expression.text,
        start=expression.start,
        end=expression.end,
        kind=expression.kind,
        value=expression.value,
        precision=expression.precision,
        anchor=expression.anchor,
    )


def _dedupe(events: list[EnrichedEvent]) -> list[EnrichedEvent]:
    seen: set[str] = set()
    unique = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            unique.append(event)
    return unique
