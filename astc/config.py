"""Project configuration: the ``[tool.astc]`` table of the nearest ``pyproject.toml``.

The project root is the first directory, walking up from the start path, that holds
``.git``, ``.hg``, or a ``pyproject.toml`` with a ``[tool.astc]`` table (Black's rule).
Only that root's ``pyproject.toml`` is read. Sub-tables (``[tool.astc.hook]``,
``[tool.astc.kernels]``) belong to the features that own them. This module finds and
parses the file and gives typed access to its values (:meth:`ProjectConfig.strings`);
a value of the wrong type is a :class:`ConfigError` whose message names the key, what was
expected and what was found. The command line reads the ``[tool.astc]`` options
(:mod:`astc.cli._command`), the hook ``[tool.astc.hook]``, and both (and
:func:`astc.compile_file`) ``[tool.astc.kernels] functions`` into ``Options``: no compile
stage reads this file.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from astc.options import Options


#: Sub-tables of ``[tool.astc]`` and the features that own them.
SUBTABLES = ("hook", "kernels")


class ConfigError(Exception):
    """The configuration file cannot be read or parsed, or holds an invalid value.

    ``path`` is the file (None when unknown) and ``detail`` what is wrong with it, as
    ``[tool.astc] workers: expected an integer of at least 1, got 2.5``; ``str()`` is
    ``path: detail``.
    """

    def __init__(self, path: Path | None, detail: str) -> None:
        super().__init__(f"{path}: {detail}" if path is not None else detail)
        self.path = path
        self.detail = detail


def toml_repr(value: object) -> str:
    """``value`` as TOML spells it (what the user wrote), for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_repr(v) for v in value) + "]"
    return repr(value)


def expected(path: Path | None, where: str, key: str, what: str, value: object) -> ConfigError:
    """The error for ``[where] key = value`` when ``what`` was expected."""
    return ConfigError(path, f"[{where}] {key}: expected {what}, got {toml_repr(value)}")


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
            raise expected(self.path, "tool.astc", name, f"a table [tool.astc.{name}]", value)
        return value

    def strings(self, section: str | None, key: str, default: list[str] | None = None) -> list[str]:
        """``key`` of ``[tool.astc]`` (``section`` None) or of a sub-table: a list of strings.

        A single string counts as a list of one. Raises :class:`ConfigError` otherwise.
        """
        table = self.table if section is None else self.section(section)
        value = table.get(key, [] if default is None else default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            where = "tool.astc" + (f".{section}" if section else "")
            raise expected(self.path, where, key, "a list of strings", value)
        return value

    def kernel_functions(self) -> tuple[str, ...]:
        """``[tool.astc.kernels] functions``: names for ``Options.kernel_functions``.

        ``kernels`` is also the kernel mode's key (``kernels = "auto"``); TOML allows one
        or the other, and only the table names functions.
        """
        if not isinstance(self.table.get("kernels"), dict):
            return ()
        return tuple(self.strings("kernels", "functions"))


def _tool_table(pyproject: Path) -> dict[str, Any] | None:
    try:
        with pyproject.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(pyproject, f"not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(pyproject, f"cannot read: {error.strerror or error}") from None
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
        if pyproject.is_file() and _tool_table(pyproject) is not None:
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
    return ProjectConfig(root, pyproject, _tool_table(pyproject) or {})


def config_start(srcs: Sequence[str], stdin_filename: str | None = None) -> Path:
    """Where to look for the project root: the common directory of ``srcs`` (Black's rule).

    ``-`` stands for standard input, located by ``stdin_filename``; with no sources (or only
    ``-`` without a file name) the search starts at the current directory.
    """
    paths = [Path(stdin_filename) if s == "-" and stdin_filename else Path(s) for s in srcs]
    dirs = []
    for path in paths:
        if str(path) == "-":
            continue
        try:
            dirs.append(path.resolve() if path.is_dir() else path.resolve().parent)
        except (OSError, RuntimeError):  # a symlink loop: click reports the path itself
            dirs.append(path.absolute().parent)
    if not dirs:
        return Path.cwd()
    return Path(os.path.commonpath(dirs))


def cache_root(root: Path | None) -> Path:
    """The directory the default output directory (``build/astc``) hangs off."""
    return root if root is not None else Path.cwd()


def with_kernel_functions(options: Options, project: ProjectConfig) -> Options:
    """``options`` with the project's ``[tool.astc.kernels] functions`` added (in order, once)."""
    names = tuple(dict.fromkeys((*options.kernel_functions, *project.kernel_functions())))
    if names == options.kernel_functions:
        return options
    return dataclasses.replace(options, kernel_functions=names)
