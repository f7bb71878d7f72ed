"""The spaCy pipelines: a tokenizer per language, rule-based sentence boundaries and a
gazetteer (places, authorities, weapon names) as a SpanRuler.

All pipelines are blank (no downloaded model). They are built once per process and
cached. Japanese uses SudachiPy directly (surfaces only); English and Korean a linear
regex tokenizer (words, numbers, single marks), Korean with particles and place nouns
split off Hangul words (평양에서 -> 평양 에서) so that the gazetteer sees the names.

The tokenizer keeps the text it was given on the doc (``doc_text``) and the sentencizer
the first token of each sentence (``sentence_spans``): spaCy would rebuild both from
Token objects, which costs more than all the rules on a long text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .lang import Lang, get_lang

GAZ_KEY = "gazetteer"
SENT_KEY = "launchfeed_sentence_tokens"  # doc.user_data: index of each sentence's first token
TEXT_KEY = "launchfeed_text"  # doc.user_data: the text the tokenizer was given (Doc.text rebuilds it token by token)


def doc_text(doc: Doc) -> str:
    """The text of a doc, without rebuilding it from its tokens."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text


def _doc(vocab, text: str, words: list[str], spaces: list[bool]) -> Doc:
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.user_data[TEXT_KEY] = text
    return doc


@cache
def gazetteer() -> dict:
    return json.loads(resources.files(__package__).joinpath("gazetteer.json").read_text("utf-8"))


@cache
def weapons() -> dict:
    return json.loads(resources.files(__package__).joinpath("weapons.json").read_text("utf-8"))


@cache
def places_by_id() -> dict[str, dict]:
    return {p["id"]: p for p in gazetteer()["places"]}


class SudachiTokenizer:
    """Surface forms from SudachiPy (mode C), fed in chunks under its input limit."""

    CHUNK = 8000

    def __init__(self, vocab) -> None:
        from sudachipy import Dictionary, SplitMode

        self.vocab = vocab
        # surfaces are all this reads: loading no other morpheme field saves a fifth of the time
        self._tok = Dictionary().tokenizer(SplitMode.C, fields={"surface"})

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        for chunk in _chunks(text, self.CHUNK):
            words.extend(m.surface() for m in self._tok.tokenize(chunk))
        words = [w for w in words if w]
        return _doc(self.vocab, text, words, [False] * len(words))


class RegexTokenizer:
    """Words, numbers and single punctuation marks: linear in the text, whatever its shape
    (spaCy's rule-based tokenizer is quadratic on a 100,000-character bracket run).

    One space after a token is that token's trailing whitespace; any other run of
    whitespace is a token of its own, as in spaCy."""

    RX = re.compile(r"([^\W\d_]+|\d+|\S)( (?=\S))?|(\s+)")

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        parts = self.RX.findall(text)
        words = [w or ws for w, _, ws in parts]
        spaces = [bool(sp) for _, sp, _ in parts]
        return _doc(self.vocab, text, words, spaces)


class KoreanTokenizer(RegexTokenizer):
    """The regex tokenizer, with particles and place nouns split off Hangul words."""

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for w, sp, ws in self.RX.findall(text):
            m = _KO_SUFFIXES.fullmatch(w) if w and "\uac00" <= w[0] <= "\ud7a3" else None
            if m is None or not (m.group("noun") or m.group("part")):
                words.append(w or ws)
                spaces.append(bool(sp))
                continue
            parts = [x for x in m.group("stem", "noun", "part") if x]
            words.extend(parts)
            spaces.extend([False] * (len(parts) - 1) + [bool(sp)])
        return _doc(self.vocab, text, words, spaces)


def _chunks(text: str, size: int) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(text):
        j = min(len(text), i + size)
        if j < len(text):
            cut = max(text.rfind("。", i, j), text.rfind("\n", i, j))
            if cut > i:
                j = cut + 1
        out.append(text[i:j])
        i = j
    return out


# Korean glues particles (평양에서, 북한이) and place nouns (순안일대) to the word before them;
# split off, the gazetteer sees the name. 도 and 만 stay: they end names (평안북도, 원산만). Headlines
# shorten 에서 to 서 (순안서).
_KO_SUFFIXES = re.compile(
    r"(?P<stem>[\uac00-\ud7a3]{2,}?)(?P<noun>일대|인근|부근|일원|지역|근해|해상)?"
    r"(?P<part>에서는|에서도|에서|으로는|으로|로는|로|에는|에게|에|은|는|이|가|을|를|의|와|과|부터|까지|께서|이며|이고|서)?"
)


def _make(lang: Lang) -> Language:
    if lang.tokenizer == "sudachi":
        # spaCy's own Japanese tokenizer would load a second Sudachi dictionary, only to be replaced
        nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
        nlp.tokenizer = SudachiTokenizer(nlp.vocab)
    elif lang.tokenizer == "korean":
        nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
        nlp.tokenizer = KoreanTokenizer(nlp.vocab)
    else:
        nlp = spacy.blank("en")
        nlp.tokenizer = RegexTokenizer(nlp.vocab)
    nlp.add_pipe("launchfeed_sentences", config={"lang": lang.code})
    ruler = nlp.add_pipe(
        "span_ruler",
        name="launchfeed_gazetteer",
        config={
            "spans_key": GAZ_KEY,
            "phrase_matcher_attr": "LOWER" if lang.code == "en" else "ORTH",
            "validate": False,
            "overwrite": False,
        },
    )
    ruler.add_patterns(_patterns(lang))
    return nlp


def _patterns(lang: Lang) -> list[dict]:
    pats: list[dict] = []
    for place in gazetteer()["places"]:
        for name in place["names"].get(lang.code, []):
            pats.append({"label": "PLACE", "pattern": name, "id": place["id"]})
    for auth, names in lang.authorities.items():
        for name in names:
            pats.append({"label": "AUTH", "pattern": name, "id": auth})
    for alias, canonical in weapons()["aliases"].get(lang.code, {}).items():
        pats.append({"label": "WEAPON", "pattern": alias, "id": canonical})
    return pats


@cache
def nlp_for(code: str) -> Language:
    """The pipeline of a language, built once per process."""
    return _make(get_lang(code))


# --- sentence boundaries -------------------------------------------------------------


@cache
def _boundary_rx(code: str) -> tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str] | None]:
    lang = get_lang(code)
    zones = sorted(lang.zones, key=len, reverse=True)
    labels = [re.escape(z) for z in zones]
    # a day after the time belongs to it too: "11:04 p.m. Wednesday", "7:15 a.m. Feb. 27"
    days = sorted(lang.weekdays, key=len, reverse=True)
    labels += [re.escape(w) + r"\b(?!\s+(?:is|was|will|has|had)\b)" for w in days]
    labels += [re.escape(mo) + r"\.?\s+\d" for mo in sorted(lang.months, key=len, reverse=True)]
    zone_rx = re.compile(r"\s*\(?(?:" + "|".join(labels) + r")\b", re.I) if labels else None
    return re.compile(lang.sentence_end), tuple(a.lower() for a in lang.abbreviations), zone_rx


def sentence_starts(text: str, code: str) -> list[int]:
    """Character offsets where a new sentence starts (after the first)."""
    rx, abbrevs, zone_rx = _boundary_rx(code)
    starts: list[int] = []
    for m in rx.finditer(text):
        end = m.end()
        if abbrevs and m.group(0).startswith("."):
            k = m.start()
            j = k
            while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"'":
                j -= 1
            word = text[j : k + 1].lower()
            if word in abbrevs and not _abbrev_ends_sentence(word, text, end, zone_rx):
                continue
        while end < len(text) and text[end].isspace():
            end += 1
        if 0 < end < len(text):
            starts.append(end)
    return starts


def _abbrev_ends_sentence(word: str, text: str, end: int, zone_rx: re.Pattern[str] | None) -> bool:
    """a.m. / p.m. end a sentence when a capitalized word follows, unless it names the time's
    zone ("9:40 p.m. EDT", "7:44 a.m. (KST)") or day ("11:04 p.m. Wednesday", "7:15 a.m. Feb. 27")."""
    if word not in ("a.m.", "p.m."):
        return False
    if zone_rx is not None and zone_rx.match(text, end):
        return False
    rest = text[end : end + 3].lstrip()
    return bool(rest) and rest[0].isupper()


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence, as ``doc.sents`` gives them, from the first
    tokens the sentencizer noted, else the SENT_START column (``doc.sents`` makes a Token
    object for every token)."""
    n = len(doc)
    if not n:
        return []
    firsts = list(doc.user_data.get(SENT_KEY) or [])
    if not firsts:
        firsts = numpy.flatnonzero(doc.to_array("SENT_START").astype("int64") == 1).tolist()
    if not firsts or firsts[0] != 0:
        firsts.insert(0, 0)
    spans = []
    for a, b in zip(firsts, [*firsts[1:], n], strict=True):
        last = doc[b - 1]
        spans.append((doc[a].idx, last.idx + len(last)))
    return spans


@Language.factory("launchfeed_sentences", default_config={"lang": "en"})
def _make_sentencizer(nlp: Language, name: str, lang: str):
    def component(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.array(sentence_starts(doc_text(doc), lang), dtype="int64")
        idx = doc.to_array("IDX").astype("int64")
        arr = numpy.full(len(idx), -1, dtype="int64")
        if len(starts):
            # a boundary inside a token is dropped: the token indexes whose start is a boundary
            at = numpy.searchsorted(idx, starts).clip(0, len(idx) - 1)
            arr[at[idx[at] == starts]] = 1
        arr[0] = 1
        doc.from_array(["SENT_START"], arr.reshape(-1, 1).view("uint64"))
        doc.user_data[SENT_KEY] = numpy.flatnonzero(arr == 1).tolist()  # read back without another copy
        return doc

    return component
