"""The package's layers: imports only go down, and no module imports itself through others.

Every import counts, also one inside a function (a lazy import hides a dependency, it does not remove
it). A module of a layer may import modules of its own layer or of any layer below it:

    core < models < content < outputs < build < devtools < cli
"""

from __future__ import annotations

import ast
from pathlib import Path

from jalur.core.project import ROOT

LAYERS = ("core", "models", "content", "outputs", "build", "devtools", "cli")


def layer_of(module: str) -> int | None:
    """jalur.models.contacts -> 1; jalur.build -> 4; jalur and jalur.__main__ -> None / cli."""
    parts = module.split(".")
    if parts[0] != "jalur" or len(parts) == 1:
        return None
    name = "cli" if parts[1] == "__main__" else parts[1]
    return LAYERS.index(name) if name in LAYERS else None


def modules(package: Path) -> dict[str, Path]:
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports(path: Path, known: set[str]) -> list[tuple[int, str]]:
    """(line, module) for every import of a module of the package in the file, wherever it is.
    A dynamic import (importlib.import_module, __import__) is reported as the module "<dynamic>"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.append((node.lineno, sub if sub in known else node.module))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__"):
                found.append((node.lineno, "<dynamic>"))
    return [
        (line, module)
        for line, module in found
        if module == "<dynamic>" or module in known or module.split(".")[0] == "jalur"
    ]


def problems(package: Path) -> list[str]:
    """Upward imports, dynamic imports and import cycles in `package`, one line each."""
    mods = modules(package)
    known = set(mods)
    graph: dict[str, set[str]] = {name: set() for name in mods}
    out = []
    for name, path in mods.items():
        rel = path.relative_to(package.parent).as_posix()
        for line, target in imports(path, known):
            if target == "<dynamic>":
                out.append(f"{rel}:{line}: a dynamic import hides a dependency: import the module by name")
                continue
            graph[name].add(target)
            mine, theirs = layer_of(name), layer_of(target)
            if mine is not None and theirs is not None and theirs > mine:
                out.append(
                    f"{rel}:{line}: {name} ({LAYERS[mine]}) imports {target} ({LAYERS[theirs]}), a layer above it"
                )
    out += [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(graph)]
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle for each group of modules that import each other (depth-first search)."""
    found, state = [], {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_package_has_no_upward_import_no_cycle_and_no_dynamic_import():
    assert problems(ROOT / "jalur") == []


def test_every_module_is_in_a_layer():
    strays = [name for name in modules(ROOT / "jalur") if name != "jalur" and layer_of(name) is None]
    assert strays == []


def test_the_check_finds_an_upward_import_a_lazy_cycle_and_a_dynamic_import(tmp_path):
    pkg = tmp_path / "jalur"
    for folder in ("core", "models", "content"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "core" / "low.py").write_text("from jalur.content import high\n", encoding="utf-8")
    (pkg / "content" / "high.py").write_text("def f():\n    from jalur.content import other\n", encoding="utf-8")
    (pkg / "content" / "other.py").write_text(
        "import importlib\n\ndef g():\n    from jalur.content.high import f\n"
        "    return importlib.import_module('jalur.core.low')\n",
        encoding="utf-8",
    )
    found = problems(pkg)
    assert any("jalur.core.low (core) imports jalur.content.high (content)" in p for p in found), found
    assert "import cycle: jalur.content.high -> jalur.content.other -> jalur.content.high" in found, found
    assert any("other.py:5: a dynamic import" in p for p in found), found
