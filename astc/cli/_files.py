"""Which files a run compiles, and where each one's output goes.

Sources named on the command line are taken as they are; directories are walked (symlinked
directories are not followed). Inside a walk a file is taken when its path relative to the
base matches an ``include`` glob and neither an ``exclude`` glob nor a ``.gitignore`` (the
base's and those of the directories walked, Git's rules via ``pathspec``) rules it out.
With ``force_exclude`` the excludes and ``.gitignore`` apply to named files as well
(pre-commit names every file). Globs are Git's wildmatch patterns, matched against the
path relative to the base: ``build`` matches a directory of that name anywhere,
``/build`` only at the base, ``src/**/gen_*.py`` files under ``src``.

A source's base is the project root when it lies inside it, else the common directory of
the sources outside the root, raised above any package (``__init__.py``) it is in; outputs
mirror the tree below the base inside the output directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pathspec

#: Directories no Python project wants compiled (Black's and Ruff's defaults, and ours).
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".astc_cache",
    ".direnv",
    ".eggs",
    ".git",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pytest_cache",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "venv",
)


@dataclass(frozen=True)
class Selection:
    """The globs that choose files inside directories."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]
    force_exclude: bool = False

    def include_spec(self) -> pathspec.PathSpec[Any]:
        return pathspec.GitIgnoreSpec.from_lines(self.include)

    def exclude_spec(self) -> pathspec.PathSpec[Any]:
        return pathspec.GitIgnoreSpec.from_lines(self.exclude)


@dataclass(frozen=True)
class Source:
    """One file to compile: ``path`` as the user sees it, ``rel`` below the base."""

    path: Path
    rel: Path


def package_base(paths: Sequence[Path]) -> Path:
    """The common directory of ``paths`` (resolved), raised above any package it is in.

    ``/tmp/proj/pkg`` (holding ``__init__.py``) gives ``/tmp/proj``, so that outputs keep the
    package's name: ``pkg/mod.py``.
    """
    dirs = [p if p.is_dir() else p.parent for p in paths]
    base = Path(os.path.commonpath(dirs)) if dirs else Path.cwd()
    while (base / "__init__.py").is_file() and base.parent != base:
        base = base.parent
    return base


def choose_base(src: Path, root: Path | None, outside: Path) -> Path:
    """The base of one (resolved) source: the project root if inside it, else ``outside``."""
    return root if root is not None and src.is_relative_to(root) else outside


def _gitignore(directory: Path) -> pathspec.PathSpec[Any] | None:
    try:
        lines = (directory / ".gitignore").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


class _Ignores:
    """The ``.gitignore`` files in force: each with the directory it applies below."""

    def __init__(self, specs: list[tuple[Path, pathspec.PathSpec[Any]]]) -> None:
        self.specs = specs

    @classmethod
    def above(cls, base: Path, directory: Path) -> _Ignores:
        """Those of ``base`` and of every directory below it down to ``directory``'s parent."""
        specs: list[tuple[Path, pathspec.PathSpec[Any]]] = []
        if not directory.is_relative_to(base) or directory == base:
            return cls(specs)
        parts = directory.relative_to(base).parts
        for d in [base, *(base.joinpath(*parts[:i]) for i in range(1, len(parts)))]:
            spec = _gitignore(d)
            if spec is not None:
                specs.append((d, spec))
        return cls(specs)

    def entering(self, directory: Path) -> _Ignores:
        spec = _gitignore(directory)
        return self if spec is None else _Ignores([*self.specs, (directory, spec)])

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Git's rule: the deepest ``.gitignore`` with a matching pattern decides, and within
        one file the last matching pattern (so ``!keep.py`` below re-includes a file)."""
        for directory, spec in reversed(self.specs):
            if path.is_relative_to(directory):
                rel = path.relative_to(directory).as_posix() + ("/" if is_dir else "")
                verdict: bool | None = spec.check_file(rel).include
                if verdict is not None:
                    return verdict
        return False


def _excluded(spec: pathspec.PathSpec[Any], base: Path, path: Path, is_dir: bool) -> bool:
    if not path.is_relative_to(base):
        return False
    rel = path.relative_to(base).as_posix()
    return rel != "." and spec.match_file(rel + ("/" if is_dir else ""))


def collect(
    srcs: Sequence[Path],
    root: Path | None,
    selection: Selection,
    skip: Sequence[Path] = (),
    problems: list[tuple[Path, str]] | None = None,
) -> list[Source]:
    """The files to compile, each once, sorted by path below their base.

    A source's base is the project root when it lies inside it, else the package-aware
    common directory (:func:`package_base`) of the sources outside the root.
    ``skip`` lists directories never walked into (the output and cache directories).
    Entries that cannot be examined (a symlink loop, a dangling link, no permission) are
    left out and added to ``problems`` with the reason.
    """
    if problems is None:
        problems = []
    include, exclude = selection.include_spec(), selection.exclude_spec()
    skipped = {s.resolve() for s in skip}
    found: dict[Path, Source] = {}

    resolved_srcs = [src.resolve() for src in srcs]
    outside = package_base(
        [p for p in resolved_srcs if root is None or not p.is_relative_to(root)] or [Path.cwd()]
    )

    def add(shown: Path, resolved: Path, base: Path) -> None:
        rel = resolved.relative_to(base) if resolved.is_relative_to(base) else Path(resolved.name)
        found.setdefault(resolved, Source(shown, rel))

    for src, resolved in zip(srcs, resolved_srcs, strict=True):
        base = choose_base(resolved, root, outside)
        is_dir = resolved.is_dir()
        if selection.force_exclude and (
            _excluded(exclude, base, resolved, is_dir)
            or _Ignores.above(base, resolved).ignored(resolved, is_dir)
        ):
            continue
        if not is_dir:
            add(src, resolved, base)
            continue
        above = _Ignores.above(base, resolved)
        for shown, file in _walk(src, resolved, base, include, exclude, skipped, above, problems):
            add(shown, file, base)
    return sorted(found.values(), key=lambda s: s.rel.as_posix())


def _walk(
    shown: Path,
    directory: Path,
    base: Path,
    include: pathspec.PathSpec[Any],
    exclude: pathspec.PathSpec[Any],
    skipped: set[Path],
    ignores: _Ignores,
    problems: list[tuple[Path, str]],
) -> Iterator[tuple[Path, Path]]:
    ignores = ignores.entering(directory)
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as error:
        problems.append((shown, f"cannot list the directory: {error.strerror or error}"))
        return
    for entry in entries:
        path = directory / entry.name
        is_dir = entry.is_dir(follow_symlinks=False)
        if is_dir and path in skipped:
            continue
        if _excluded(exclude, base, path, is_dir) or ignores.ignored(path, is_dir):
            continue
        if is_dir:
            yield from _walk(
                shown / entry.name, path, base, include, exclude, skipped, ignores, problems
            )
            continue
        if not include.match_file(_rel_or_name(path, base)):
            continue
        try:
            is_file = entry.is_file()  # follows a symlink; a loop raises ELOOP
        except OSError as error:
            problems.append((shown / entry.name, f"cannot examine: {error.strerror or error}"))
            continue
        if is_file:
            yield shown / entry.name, path


def _rel_or_name(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name
