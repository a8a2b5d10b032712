"""The measures stand alone: nothing in textmine/measure imports the tagger (textmine.nlp).

Read from the source (every ``import`` statement, those inside functions too),
following the package's own modules that the measures import, and theirs; the
package's ``__init__`` (which imports the whole public API) is not followed.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "textmine"


def _module_file(name: str) -> Path | None:
    parts = name.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def reached_from(package: str) -> set[str]:
    """Every module name imported, directly or through textmine modules, by ``package``."""
    todo = [p for p in (PACKAGE / package).glob("*.py")]
    seen_files: set[Path] = set()
    names: set[str] = set()
    while todo:
        path = todo.pop()
        if path in seen_files:
            continue
        seen_files.add(path)
        for name in _imports(path):
            names.add(name)
            if name.startswith("textmine.") and (found := _module_file(name)) is not None:
                todo.append(found)
    return names


def test_measure_imports_nothing_of_the_tagger_or_spacy() -> None:
    names = reached_from("measure")
    assert "textmine.groups" in names and "textmine.contract" in names
    assert sorted(n for n in names if n.startswith(("textmine.nlp", "spacy"))) == []
