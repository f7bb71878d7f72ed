"""RSS 2.0 items, read leniently (publishers' feeds are not always valid XML)."""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import datetime

from launchfeed.scrapers.errors import SourceError
from lxml import etree


@dataclass
class FeedItem:
    title: str
    link: str
    published_at: datetime | None
    guid: str
    description: str
    xml: bytes  # the <item> element as published: the snapshot a document built from it is parsed from


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return None


def _text(item: etree._Element, tag: str) -> str:
    found = item.find(tag)
    return (found.text or "").strip() if found is not None else ""


def read_item(element: etree._Element) -> FeedItem:
    return FeedItem(
        title=_text(element, "title"),
        link=_text(element, "link"),
        published_at=parse_date(_text(element, "pubDate")),
        guid=_text(element, "guid"),
        description=_text(element, "description"),
        xml=etree.tostring(element, encoding="utf-8"),
    )


def parse_feed(content: bytes, url: str) -> list[FeedItem]:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError("layout_changed", f"feed is not XML: {exc}", url=url) from exc
    if root is None or root.find(".//channel") is None:
        raise SourceError("layout_changed", "no RSS <channel> in the feed", url=url)
    return [read_item(element) for element in root.iter("item")]


def parse_item_snapshot(content: bytes) -> FeedItem:
    """One archived <item> back into a FeedItem (replaying the archive)."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    return read_item(etree.fromstring(content, parser))
