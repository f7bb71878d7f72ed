"""Text -> fields: what one statement says about one launch.

    extractor = Extractor(declarations)        # SourceInfo by source id (the CLI layer has them)
    extractor.extract(text, lang=None, published=None, source=None) -> Statement
    extractor.batch(items) -> Iterator[Statement]  # dicts with text, lang, published, source
    extractor.explain(text, ...) -> Reading     # the report, every candidate of every field, the rules

``lang`` None detects the language from the script (kana -> ja, hangul -> ko, else en).
``published`` (ISO date or datetime) is the day that 本日 / 오늘 / today refer to, in the
source's time zone. ``source`` (a declared source id) sets the authority and how the text is
read (its ``ExtractionPolicy``); an undeclared id is an error (``UnknownSource``). A text of
no source whose dateline is a declared source's (``ExtractionPolicy.dateline``) is read as
that source's copy.

No network and no file I/O happen here: the rules are Python modules and two JSON files
of this package, read once. A text longer than ``MAX_CHARS`` is read up to that length
(a release states its facts at the top), so a huge input costs bounded time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

from spacy.tokens import Doc

from launchfeed.contracts import ExtractionPolicy, SourceInfo, Statement, UnknownSource

from .language import LANGUAGES, detect_lang, language
from .normalize import normalize
from .pipeline import nlp_for
from .reading import DEFAULT_TEXT_ZONE, Reading
from .rules import MATCHED, compiled
from .timeutil import parse_published

__all__ = ["Extractor", "MAX_CHARS", "UnknownSource"]

MAX_CHARS = 30_000
BATCH = 64
DATELINE_REACH = 400  # characters at the top of a text where a dateline stands

# a text of unknown source: no authority of its own, times without a label on the launch site's clock
UNKNOWN = SourceInfo(
    id="",
    publisher="",
    country="",
    languages=(),
    timezone=None,
    authority=None,
    crawls=False,
    extraction=ExtractionPolicy(text_zone=DEFAULT_TEXT_ZONE),
)


class Extractor:
    """Reads texts with the policies of the declared sources."""

    def __init__(self, sources: Mapping[str, SourceInfo] | Iterable[SourceInfo] = ()) -> None:
        infos = sources.values() if isinstance(sources, Mapping) else sources
        self.sources: dict[str, SourceInfo] = {info.id: info for info in infos}
        self._datelines = [
            (re.compile(info.extraction.dateline), info) for info in self.sources.values() if info.extraction.dateline
        ]

    def extract(
        self, text: str, *, lang: str | None = None, published: str | None = None, source: str | None = None
    ) -> Statement:
        """The fields of one text (see the module docstring)."""
        return next(self.batch([{"text": text, "lang": lang, "published": published, "source": source}]))

    def batch(self, items: Iterable[dict]) -> Iterator[Statement]:
        """Reports for a stream of items, in order; pipelines load once, texts go through nlp.pipe in batches."""
        it = iter(items)
        while True:
            chunk = list(islice(it, BATCH))
            if not chunk:
                return
            yield from (reading.report for reading in self._read(chunk))

    def explain(
        self, text: str, *, lang: str | None = None, published: str | None = None, source: str | None = None
    ) -> Reading:
        """The whole reading of one text: its report, every candidate of every field (taken or not, with the
        rule that found it and why it lost), and the rules that decided (``explain.render`` prints it)."""
        doc = self._doc({"text": text, "lang": lang, "published": published, "source": source}, recording=True)
        reading = doc._.reading
        token = MATCHED.set(reading.fired)
        try:
            nlp_for(doc.lang_)(doc)
        finally:
            MATCHED.reset(token)
        return reading

    def doc(self, text: str, lang: str | None = None, published: str | None = None, source: str | None = None) -> Doc:
        """A text made ready for its language's pipeline (``nlp_for(doc.lang_)``): tokenized, with its reading's
        inputs on ``doc._.reading``."""
        return self._doc({"text": text, "lang": lang, "published": published, "source": source})

    def source_of(self, source: object, text: str, lang: str | None = None) -> SourceInfo:
        """The declaration a text is read by: its source's, else that of the publisher whose dateline it
        carries in a language it publishes in (a Japanese story quoting "(KCNA)" is not KCNA's)."""
        if isinstance(source, str) and source:
            if source not in self.sources:
                known = ", ".join(sorted(self.sources)) or "none"
                raise UnknownSource(f"unknown source {source!r} (declared: {known})")
            return self.sources[source]
        head = text[:DATELINE_REACH]
        mine = ((rx, info) for rx, info in self._datelines if lang is None or lang in info.languages)
        return next((info for rx, info in mine if rx.search(head)), UNKNOWN)

    def _doc(self, item: object, recording: bool = False) -> Doc:
        item = item if isinstance(item, dict) else {}
        raw = item.get("text")
        text = (raw if isinstance(raw, str) else ("" if raw is None else str(raw)))[:MAX_CHARS]
        code = item.get("lang")
        if code not in LANGUAGES:
            code = detect_lang(text)
        norm = normalize(text, language(code))
        source = item.get("source")
        info = self.source_of(source, norm.text, code)
        published = item.get("published")
        doc = nlp_for(code).make_doc(norm.text)
        day = parse_published(published if isinstance(published, str) else None, info.timezone)
        doc._.reading = reading = Reading(norm.text, norm, compiled(code, recording), info, day)
        reading.report.source = source if isinstance(source, str) and source else None
        reading.report.authority = info.authority
        reading.report.channel = info.channel
        return doc

    def _read(self, chunk: list[object]) -> list[Reading]:
        """The readings of a chunk of items, in order: each language's texts through its pipeline together."""
        docs = [self._doc(item) for item in chunk]
        for code in LANGUAGES:
            mine = [doc for doc in docs if doc.lang_ == code]
            if mine:
                for _ in nlp_for(code).pipe(mine, batch_size=BATCH):
                    pass  # the pipeline fills each doc's reading in place
        return [doc._.reading for doc in docs]
