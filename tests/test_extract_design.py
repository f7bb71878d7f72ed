"""The extractor's design, checked: language is data, rules are named and covered, components are spaCy's.

- No string or regex literal in extract/ outside the language data (extract/language/) holds a word of
  Japanese, Korean or English, and no code outside the language registry tests a language code.
- Every rule (each language's patterns and the any.* decision rules) fires on at least one case of
  tests/cases/, so each is tested by a case its change would move.
- The components are registered spaCy factories, and their findings are spans of the Doc.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from extraction import extract
from launchfeed.extract import Extractor
from launchfeed.extract.pipeline import COMPONENTS, nlp_for

from launchfeed.sources import declarations, extractor

EXTRACT = Path(__file__).resolve().parent.parent / "extract"
LANGUAGE_DATA = EXTRACT / "language"
REGISTRY = LANGUAGE_DATA / "__init__.py"
CODES = ("ja", "ko", "en")
_SCRIPT = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff\u3400-\u9fff\uac00-\ud7a3]")  # kana, kanji, hangul (not ・)
# what a regex literal may spell with letters: escapes, character ranges, group names and flags, placeholders
_REGEX_SYNTAX = re.compile(
    r"\\[A-Za-z]|[A-Za-z]-[A-Za-z]|\(\?P?<[A-Za-z_]\w*>|\(\?P=\w+\)|\(\?[aiLmsux-]+[:)]|\{[A-Z]+\}"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_RE_FUNCTIONS = {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall"}


def code_files() -> list[Path]:
    return sorted(p for p in EXTRACT.rglob("*.py") if LANGUAGE_DATA not in p.parents)


def literals(path: Path) -> list[tuple[int, str, bool]]:
    """The string constants of a module that are not docstrings, each with whether it is (part of) a pattern
    given to ``re``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    patterns = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and node.args and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.func.attr in _RE_FUNCTIONS
        for part in ast.walk(node.args[0])
    }  # fmt: skip
    return [
        (node.lineno, node.value, id(node) in patterns)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def words_in(literal: str, pattern: bool) -> list[str]:
    """Japanese or Korean text in any literal of more than one character; English words in a pattern."""
    found = _SCRIPT.findall(literal) if len(literal) > 1 else []
    if pattern:
        found += _WORD.findall(_REGEX_SYNTAX.sub("", literal))
    return found


# read while the tests are collected (see test_layers.py: ast.parse after hypothesis has run can fail)
LITERALS = {path: literals(path) for path in code_files()}
CODE_TESTS = {
    path: [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in CODES
    ]
    for path in code_files()
    if path != REGISTRY
}


def test_no_word_of_a_language_in_the_code():
    found = [
        f"{p.relative_to(EXTRACT)}:{line}: {words} in {text!r}"
        for p, lits in LITERALS.items()
        for line, text, pattern in lits
        if (words := words_in(text, pattern))
    ]
    assert found == []


def test_the_word_check_sees_words():
    assert words_in(r"\b(?:GMT|UTC)\s*$", pattern=True) == ["GMT", "UTC"]
    assert words_in("발사", pattern=False) and words_in("発射", pattern=False)
    assert words_in(r"(?P<area>\d+)\s*(?-i:[A-Za-z])", pattern=True) == []
    [(_, _, is_pattern)] = [x for x in literals(EXTRACT / "gazetteer.py") if x[1] == r"[A-Za-z]+"]
    assert is_pattern


def test_no_language_code_outside_the_registry():
    found = [f"{p.relative_to(EXTRACT)}:{line}: {value!r}" for p, hits in CODE_TESTS.items() for line, value in hits]
    assert found == []


def test_components_are_registered_factories_writing_spans():
    nlp = nlp_for("en")
    assert [name for name in nlp.pipe_names if name in COMPONENTS] == list(COMPONENTS)
    doc = next(nlp.pipe([extractor().doc("North Korea fired two ballistic missiles at 7:44 a.m. today.", "en")]))
    spans = {span.label_: span.id_ for key in doc.spans if key.startswith("launchfeed.") for span in doc.spans[key]}
    assert spans.get("launch") == "en.time.launch_word"  # the time group's role, and the rule that gave it
    assert spans.get("missile") == "en.munition.missile"


def test_an_undeclared_source_is_an_error():
    with pytest.raises(ValueError, match="unknown source 'nowhere'"):
        Extractor(declarations()).extract("North Korea fired a missile.", source="nowhere")
    assert extract("North Korea fired a missile today.", published="2025-01-01").authority is None
