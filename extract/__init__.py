"""Text -> fields: what one statement says about one launch.

    extractor = Extractor(declarations)        # SourceInfo by source id (the CLI layer has them)
    extractor.extract(text, lang=None, published=None, source=None) -> Report
    extractor.batch(items) -> Iterator[Report]  # dicts with text, lang, published, source

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

from launchfeed.contracts import ExtractionPolicy, Report, SourceInfo, UnknownSource

from .language import LANGUAGES, detect_lang, language
from .normalize import Normalized, normalize
from .pipeline import nlp_for
from .reading import DEFAULT_TEXT_ZONE, Reading
from .rules import compiled
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
    ) -> Report:
        """The fields of one text (see the module docstring)."""
        return next(self.batch([{"text": text, "lang": lang, "published": published, "source": source}]))

    def batch(self, items: Iterable[dict]) -> Iterator[Report]:
        """Reports for a stream of items, in order; pipelines load once, texts go through nlp.pipe."""
        it = iter(items)
        while True:
            chunk = list(islice(it, BATCH))
            if not chunk:
                return
            yield from self._run_chunk(chunk)

    def source_of(self, source: object, text: str) -> SourceInfo:
        """The declaration a text is read by: its source's, else the one whose dateline it carries."""
        if isinstance(source, str) and source:
            if source not in self.sources:
                known = ", ".join(sorted(self.sources)) or "none"
                raise UnknownSource(f"unknown source {source!r} (declared: {known})")
            return self.sources[source]
        head = text[:DATELINE_REACH]
        return next((info for rx, info in self._datelines if rx.search(head)), UNKNOWN)

    def _run_chunk(self, chunk: list[dict]) -> list[Report]:
        prepared = [_prepare(x) for x in chunk]
        infos = [self.source_of(item.get("source"), norm.text) for _, _, item, norm in prepared]
        out: list[Report | None] = [None] * len(chunk)
        for code in LANGUAGES:
            idx = [i for i, p in enumerate(prepared) if p[1] == code]
            if not idx:
                continue
            nlp = nlp_for(code)
            docs = []
            for i in idx:
                _, _, item, norm = prepared[i]
                doc = nlp.make_doc(norm.text)
                published = item.get("published")
                day = parse_published(published if isinstance(published, str) else None, infos[i].timezone)
                doc._.reading = Reading(norm.text, norm, compiled(code), infos[i], day)
                docs.append(doc)
            for i, doc in zip(idx, nlp.pipe(docs, batch_size=BATCH), strict=True):
                _, _, item, _ = prepared[i]
                info = infos[i]
                report = doc._.reading.report
                source = item.get("source")
                report.source = source if isinstance(source, str) and source else None
                report.authority = info.authority
                report.channel = info.channel
                out[i] = report
        return [r if r is not None else Report() for r in out]


def _prepare(item: dict) -> tuple[str, str, dict, Normalized]:
    raw = item.get("text") if isinstance(item, dict) else None
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    text = text[:MAX_CHARS]
    lang = item.get("lang") if isinstance(item, dict) else None
    if lang not in LANGUAGES:
        lang = detect_lang(text)
    return text, lang, item if isinstance(item, dict) else {}, normalize(text, language(lang))
