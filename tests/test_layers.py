"""The layout's plan, checked: imports run one way, and one package is installed.

contracts  (launchfeed/contracts/)  imports nothing of the project but itself
stages     scrapers/, extract/, output/ (installed as launchfeed.scrapers, ...)
           import the contracts and their own modules only
top        launchfeed/*.py: the CLI and orchestration, which import the stages
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = {"scrapers": "launchfeed.scrapers", "extract": "launchfeed.extract", "output": "launchfeed.output"}
CONTRACTS = "launchfeed.contracts"


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[0] in STAGES:
        parts[0:1] = STAGES[parts[0]].split(".")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_imports(path: Path, tree: ast.Module | None = None) -> set[str]:
    """The project modules a file imports (absolute, relative made absolute)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree or ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            out.add(target)
    return {m for m in out if m == "launchfeed" or m.startswith("launchfeed.")}


def layer(module: str) -> str:
    if module == CONTRACTS or module.startswith(CONTRACTS + "."):
        return "contracts"
    for stage in STAGES.values():
        if module == stage or module.startswith(stage + "."):
            return stage
    return "top"


def source_files() -> list[Path]:
    folders = [ROOT / "launchfeed", *(ROOT / folder for folder in STAGES)]
    return sorted(p for folder in folders for p in folder.rglob("*.py"))


# parsed while the tests are collected: CPython 3.11's ast.parse can fail with "AST constructor recursion depth
# mismatch" after other tests (hypothesis) have changed the recursion limit
TREES = {path: ast.parse(path.read_text(encoding="utf-8")) for path in source_files()}
IMPORTS = {path: project_imports(path, tree) for path, tree in TREES.items()}


def test_imports_run_one_way():
    wrong = []
    for path, targets in IMPORTS.items():
        here = layer(module_name(path))
        for target in targets:
            there = layer(target)
            if here == "top":
                continue
            allowed = {"contracts"} if here == "contracts" else {"contracts", here}
            if there not in allowed:
                wrong.append(f"{path.relative_to(ROOT)} ({here}) imports {target} ({there})")
    assert not wrong, "imports that run up or sideways:\n" + "\n".join(wrong)


def test_the_check_sees_a_wrong_arrow(tmp_path):
    """The reader resolves relative imports and maps the stage folders to their installed names."""
    assert module_name(ROOT / "extract" / "rules.py") == "launchfeed.extract.rules"
    assert project_imports(ROOT / "extract" / "__init__.py") >= {"launchfeed.extract.rules", CONTRACTS}
    assert layer("launchfeed.scrapers.http") != layer("launchfeed.output.store")


def test_one_top_level_package_is_installed_with_every_subpackage():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = set(config["packages"])
    assert {p.split(".")[0] for p in packages} == {"launchfeed"}
    for folder, installed in STAGES.items():
        assert config["package-dir"][installed] == folder
    on_disk = {module_name(p) for p in source_files() if p.name == "__init__.py"}
    assert on_disk == packages, "a package folder that pyproject.toml does not install, or the reverse"


SQL_WRITE = re.compile(r"\b(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|REPLACE)\s+(INTO|OR|FROM|TABLE|INDEX|\w+\s+SET)\b")


def test_the_store_keeps_its_sql_and_its_private_parts():
    """Only output/store.py writes SQL, and no module reaches into the store's private members
    (``store._record_change``, ``store._lock``): what the store does is its public methods."""
    store_file = ROOT / "output" / "store.py"
    [store_class] = [
        node for node in TREES[store_file].body
        if isinstance(node, ast.ClassDef) and node.name == "Store"
    ]  # fmt: skip
    names = {node.name for node in ast.walk(store_class) if isinstance(node, ast.FunctionDef)}
    names |= {node.attr for node in ast.walk(store_class) if isinstance(node, ast.Attribute)}
    private = {name for name in names if name.startswith("_") and not name.startswith("__")}
    assert "_record_change" in private
    wrong = []
    for path, tree in TREES.items():
        if path == store_file:
            continue
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_WRITE.search(node.value):
                wrong.append(f"{where} writes SQL: {node.value.strip()[:60]}")
            own = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
            if isinstance(node, ast.Attribute) and node.attr in private and not own:  # another class's own _lock
                wrong.append(f"{where} uses the store's private {ast.unparse(node)}")
    assert not wrong, "\n".join(wrong)
