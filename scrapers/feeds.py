"""RSS 2.0 items, read leniently (publishers' feeds are not always valid XML)."""

from __future__ import annotations

import email.utils
import re
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


ITEM_START = re.compile(rb"<item[\s/>]")


def parse_feed(content: bytes, url: str) -> list[FeedItem]:
    """The items of a feed. A feed that is not quite XML is read as far as it goes (publishers'
    feeds have stray ampersands), but one whose reading stopped short of items it holds (an entity
    bomb that the parser refuses to expand, a broken byte) is an error that says how much was read:
    the items after the break are not "nothing new"."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError("layout_changed", f"feed is not XML: {exc}", url=url) from exc
    if root is None or root.find(".//channel") is None:
        raise SourceError("layout_changed", "no RSS <channel> in the feed", url=url)
    items = [read_item(element) for element in root.iter("item")]
    held = len(ITEM_START.findall(content))
    if len(items) < held:
        errors = [error for error in parser.error_log if error.level_name == "FATAL"] or list(parser.error_log)
        why = f" (XML error at line {errors[0].line}: {errors[0].message})" if errors else ""
        raise SourceError(
            "parse_error", f"feed read only in part: {len(items)} of its {held} items{why}", url=url,
            advice="the feed is broken or hostile: check it in a browser; later runs try again",
        )  # fmt: skip
    return items


def parse_item_snapshot(content: bytes) -> FeedItem:
    """One archived <item> back into a FeedItem (replaying the archive)."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    return read_item(etree.fromstring(content, parser))
