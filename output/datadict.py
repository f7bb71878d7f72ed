"""The data dictionary: output/README.md and the Frictionless datapackage.json.

Both are generated from the table declarations in output/tables.py, which read
the field documentation of launchfeed/contracts/records.py: one source of truth for what a
column means. ``python -m launchfeed.output.datadict`` rewrites the committed output/README.md
(a test fails while it is stale); ``collect`` writes both files beside the CSVs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from launchfeed.output.tables import LIST_SEPARATOR, TABLES, Column, Table
from launchfeed.output.writers import clean_value

from launchfeed.contracts import SourceInfo

REPO_README = Path(__file__).parent / "README.md"

# Every file in the output directory that is not a table, with what it holds.
OTHER_FILES = (
    ("statements.jsonl", "the rows of statements.csv as JSON Lines: lists as arrays, unknown as null"),
    (
        "launches.jsonl",
        "one JSON object per launch event: the Event contract, with each authority's values and the revisions nested",
    ),  # fmt: skip
    (
        "launches.atom",
        "Atom feed, one entry per launch event; an entry's `updated` moves when a later statement revises it",
    ),  # fmt: skip
    ("datapackage.json", "Frictionless Data Package: a Table Schema for every CSV file"),
    ("README.md", "this data dictionary"),
    (
        "report.html",
        "written by `launchfeed report` (or `collect --report`): timeline, values side by side, disagreements, "
        "range/apogee chart",
    ),
    (
        "launchfeed.sqlite",
        "the store: documents and their revisions, statements, events, runs, the change log (`--db` moves it)",
    ),  # fmt: skip
    ("archive/", "raw response bytes by SHA-256, beside the store; `launchfeed rebuild` replays them"),
)

CONVENTIONS = f"""\
- UTF-8 without a byte-order mark, comma-separated, one header row, `\\n` line ends;
  a cell holding a comma, quote or line break is quoted (RFC 4180).
- Times are ISO 8601 with a numeric UTC offset (`2026-10-03T09:41:00+09:00`,
  `2026-10-02T21:15:00+00:00`); dates are `YYYY-MM-DD`.
- An empty cell means the source does not say: nothing is guessed, and there is no
  other placeholder (no `NA`, no `0`).
- A cell that holds several values joins them with `{LIST_SEPARATOR}` in the order the source
  states them (`350{LIST_SEPARATOR}400`); no value contains `{LIST_SEPARATOR}`. The Table Schema type of
  such a column is `list` with `delimiter` `{LIST_SEPARATOR}` and an `itemType`.
- Booleans are `true` / `false`; numbers use `.` as the decimal point, without
  thousands separators or units (the unit is in the column's name and below).
- A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
  leading `'`, so a spreadsheet shows it instead of running it as a formula; UTC
  offsets (`+09:00`) and plain signed numbers are left alone.
- Ids are stable: a statement's id derives from its source and URL, an event's from
  the statement that first reported it; rebuilding the archive gives the same ids.
"""


def field_schema(column: Column) -> dict:
    """One Table Schema field."""
    field: dict = {"name": column.name, "type": column.type, "description": column.description}
    if column.is_list:
        field.update(type="list", delimiter=LIST_SEPARATOR, itemType=column.item_type or "string")
    if column.type == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    if column.unit:
        field["unit"] = column.unit
    if column.values:
        field["constraints"] = {"enum": list(column.values)}
    return field


def table_schema(table: Table, tables: tuple[Table, ...]) -> dict:
    schema: dict = {"fields": [field_schema(c) for c in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    keyed = {t.primary_key: t.name for t in tables if len(t.primary_key) == 1}
    for column in table.columns[:1]:
        target = keyed.get((column.name,))
        if target and target != table.name:  # report_id of an item table points at its statement
            schema["foreignKeys"] = [
                {"fields": [column.name], "reference": {"resource": target, "fields": [column.name]}}
            ]
    return schema


# The statements are their publishers' words: whoever reuses the data cites the publisher and the URL
# each row gives. Open Definition's "other-at" (other, attribution) says that much and no more.
LICENSES = [
    {
        "name": "other-at",
        "title": "Each statement remains its publisher's (see sources, and the url of every row): cite the "
        "publisher and the URL; the compilation (events, columns) may be reused with attribution to launchfeed.",
    }
]


def datapackage(tables: tuple[Table, ...] | None = None, sources: Iterable[SourceInfo] = ()) -> dict:
    """The package descriptor; ``sources``: the publishers collected from, listed as its sources."""
    tables = tables or TABLES
    return {
        "name": "launchfeed",
        "title": "Official statements on North Korean missile launches",
        "description": "What defense ministries and commands (Japan MOD, ROK JCS/MND, US INDOPACOM/DoD) and "
        "KCNA publish about each launch, one row per statement and per launch event, every number traced to "
        "the sentence that states it. Column documentation: README.md.",
        "profile": "tabular-data-package",
        "licenses": LICENSES,
        "sources": [{"title": info.publisher, "path": info.base_url} for info in sources if info.base_url],
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": table_schema(table, tables),
            }
            for table in tables
        ],
    }


def render_datapackage(tables: tuple[Table, ...] | None = None, sources: Iterable[SourceInfo] = ()) -> str:
    return json.dumps(clean_value(datapackage(tables, sources)), ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _type(column: Column) -> str:
    if column.is_list:
        return f"list of {column.item_type or 'string'} (`{LIST_SEPARATOR}`)"
    return column.type


def render_readme(tables: tuple[Table, ...] | None = None) -> str:
    tables = tables or TABLES
    lines = [
        "# launchfeed output: data dictionary",
        "",
        "<!-- Generated by `python -m launchfeed.output.datadict` from launchfeed/contracts/records.py; do not edit "
        "by hand. -->",
        "",
        "Every file `launchfeed collect` writes to its data directory (`--data-dir`, default `./launchfeed-data`), and",
        "every column of every CSV file: its type (Frictionless Table Schema), unit, allowed values and meaning.",
        "The same is machine-readable in `datapackage.json`, written beside the files.",
        "",
        "## Files",
        "",
        "| file | holds |",
        "|---|---|",
        *(f"| `{t.name}.csv` | {_cell(t.description)} |" for t in tables),
        *(f"| `{name}` | {_cell(text)} |" for name, text in OTHER_FILES),
        "",
        "## CSV conventions",
        "",
        CONVENTIONS.rstrip("\n"),
    ]
    for table in tables:
        key = ", ".join(f"`{name}`" for name in table.primary_key) or "none (a row per span)"
        lines += [
            "",
            f"## `{table.name}.csv`",
            "",
            f"{_cell(table.description)} Primary key: {key}.",
            "",
            "| column | type | unit | allowed values | meaning |",
            "|---|---|---|---|---|",
        ]
        for column in table.columns:
            values = ", ".join(f"`{v}`" for v in column.values) if column.values else ""
            lines.append(
                f"| `{column.name}` | {_type(column)} | {column.unit or ''} | {values} | {_cell(column.description)} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the committed output/README.md (or print it with --check when stale)."""
    args = sys.argv[1:] if argv is None else argv
    text = render_readme()
    if "--check" in args:
        stale = not REPO_README.exists() or REPO_README.read_text(encoding="utf-8") != text
        if stale:
            print(f"{REPO_README} is stale: run python -m launchfeed.output.datadict", file=sys.stderr)
        return 1 if stale else 0
    REPO_README.write_text(text, encoding="utf-8")
    print(f"wrote {REPO_README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
