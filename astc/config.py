"""Project configuration: the ``[tool.astc]`` table of the nearest ``pyproject.toml``.

The project root is the first directory, walking up from the start path, that holds
``.git``, ``.hg``, or a ``pyproject.toml`` with a ``[tool.astc]`` table (Black's rule).
Only that root's ``pyproject.toml`` is read. Sub-tables (``[tool.astc.hook]``,
``[tool.astc.kernels]``) belong to the features that own them; this module only finds
and parses the file, it does not interpret keys.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """The configuration file exists but cannot be read or parsed."""


@dataclass(frozen=True)
class ProjectConfig:
    """The ``[tool.astc]`` table (empty when none) and where it came from."""

    root: Path | None
    path: Path | None
    table: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        """A sub-table such as ``hook`` (``[tool.astc.hook]``); empty when absent."""
        value = self.table.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{self.path}: [tool.astc] {name} must be a table")
        return value


def _astc_table(pyproject: Path) -> dict[str, Any] | None:
    try:
        with pyproject.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{pyproject}: {error}") from None
    except OSError as error:
        raise ConfigError(f"{pyproject}: cannot read: {error.strerror or error}") from None
    tool = data.get("tool", {})
    table = tool.get("astc") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def find_project_root(start: Path) -> Path | None:
    """The project root above ``start`` (a file or directory), or None."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists() or (candidate / ".hg").exists():
            return candidate
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _astc_table(pyproject) is not None:
            return candidate
    return None


def load_project_config(start: Path) -> ProjectConfig:
    """The configuration that applies to ``start``; raises :class:`ConfigError` on a bad file."""
    root = find_project_root(start)
    if root is None:
        return ProjectConfig(None, None)
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return ProjectConfig(root, None)
    return ProjectConfig(root, pyproject, _astc_table(pyproject) or {})


def config_start(srcs: Sequence[str], stdin_filename: str | None = None) -> Path:
    """Where to look for the project root: the common directory of ``srcs`` (Black's rule).

    ``-`` stands for standard input, located by ``stdin_filename``; with no sources (or only
    ``-`` without a file name) the search starts at the current directory.
    """
    paths = [Path(stdin_filename) if s == "-" and stdin_filename else Path(s) for s in srcs]
    dirs = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths if str(p) != "-"]
    if not dirs:
        return Path.cwd()
    return Path(os.path.commonpath(dirs))


def cache_root(root: Path | None) -> Path:
    """The directory project-relative defaults (``build/astc``, ``.astc_cache``) hang off."""
    return root if root is not None else Path.cwd()
