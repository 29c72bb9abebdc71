"""The one error type the build raises for bad input: it names the file and the field."""

from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """Bad input that stops the build. The message is one line: `<file>: <field>: <problem>`."""

    def __init__(self, file: str | Path, field: str | None, problem: str):
        self.file = str(file)
        self.field = field
        self.problem = " ".join(str(problem).split())  # one line, whatever the problem's text held
        where = f"{self.file}: {field}" if field else self.file
        super().__init__(f"{where}: {self.problem}")

    def __reduce__(self):
        # Rebuilt from its parts when it crosses a process boundary (the leaflets' worker pool).
        return (BuildError, (self.file, self.field, self.problem))


def relpath(path: Path, root: Path) -> str:
    """A path as the maintainer sees it in the repository (for error messages)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
