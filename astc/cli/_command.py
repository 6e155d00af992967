"""A click command that reads ``[tool.astc]`` into its defaults before parsing.

Precedence, highest first: the command line, an environment variable (``ASTC_CACHE_DIR``),
the project's ``[tool.astc]`` table, the built-in default. Keys in the table are the long
option names without the dashes (``out-dir``, ``assume-stable``; underscores work too);
click's ``default_map`` carries them, so ``ctx.get_parameter_source`` tells where each
value came from. Every value is checked against its option's type before anything runs
(:func:`check_value`): a wrong one is a :class:`~astc.cli._shared.ConfigProblem`, one line
``pyproject.toml: error: [tool.astc] key: expected ..., got ... [ASTC006]`` and exit 2.
Keys no astc command knows are warned about (on stderr) and otherwise ignored; sub-tables
belong to the features that own them and are skipped (``[tool.astc.kernels] functions``
is checked here too, as every command puts it into ``Options``). Relative paths in the
file are relative to the file's directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from astc.cli._output import echo_message
from astc.cli._params import CommaList
from astc.cli._shared import ConfigProblem
from astc.config import (
    SUBTABLES,
    ConfigError,
    ProjectConfig,
    config_start,
    expected,
    load_project_config,
)
from astc.diagnostics import Level, format_message

#: Options whose value is a path, resolved against the configuration file's directory.
PATH_KEYS = frozenset({"out_dir", "cache_dir", "profile"})
#: Parameters that make no sense in a configuration file.
NOT_CONFIGURABLE = frozenset({"src", "file", "help", "version", "stdin_filename", "config_file"})


@dataclass
class LoadedConfig:
    """What :class:`AstcCommand` found, kept on ``ctx.meta`` for the commands."""

    project: ProjectConfig
    default_map: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def known_keys() -> dict[str, str]:
    """Every ``[tool.astc]`` key any astc command accepts -> its parameter name."""
    from astc.cli import main  # the registered commands, imported lazily (no cycle)

    keys: dict[str, str] = {}
    for command in main.commands.values():
        if isinstance(command, AstcCommand):  # the others do not read [tool.astc]
            keys.update(config_keys(command.params))
    return keys


def config_keys(params: Iterable[click.Parameter]) -> dict[str, str]:
    """The ``[tool.astc]`` keys of these parameters -> parameter names."""
    keys: dict[str, str] = {}
    for param in params:
        if not isinstance(param, click.Option) or param.name in NOT_CONFIGURABLE:
            continue
        longs = [o for o in param.opts if o.startswith("--")]
        if longs and param.name:
            keys[longs[0][2:]] = param.name
    return keys


def describe_type(param: click.Option) -> str:
    """What a ``[tool.astc]`` value for ``param`` must be, in words (for messages)."""
    kind = param.type
    if param.is_flag and isinstance(kind, click.types.BoolParamType):
        return "true or false"
    if isinstance(kind, CommaList):
        if kind.choices is not None:
            return f"a list of names from {', '.join(kind.choices)}"
        return "a list of strings"
    if isinstance(kind, click.Choice):
        choices = ", ".join(f'"{c}"' for c in kind.choices)
        return f"a list of names from {choices}" if param.multiple else f"one of {choices}"
    if param.multiple:
        return "a list of strings"
    if isinstance(kind, click.IntRange) and kind.min is not None:
        return f"an integer of at least {kind.min}"
    if isinstance(kind, click.types.IntParamType):
        return "an integer"
    if isinstance(kind, click.types.FloatParamType):
        return "a number"
    if isinstance(kind, click.Path):
        return "a path (a string)"
    return "a string"


def check_value(param: click.Option, key: str, value: Any, path: Path | None) -> None:
    """Raise :class:`ConfigProblem` unless ``value`` (from TOML) suits ``param``."""
    problem = ConfigProblem(expected(path, "tool.astc", key, describe_type(param), value))
    kind = param.type
    if param.is_flag and isinstance(kind, click.types.BoolParamType):
        if not isinstance(value, bool):
            raise problem
        return
    if param.multiple or isinstance(kind, CommaList):
        items = [value] if isinstance(value, str) and param.multiple else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise problem
        values: list[Any] = items if param.multiple else [items]
    elif isinstance(kind, click.types.IntParamType):
        if type(value) is not int:
            raise problem
        values = [value]
    elif isinstance(kind, click.types.FloatParamType):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise problem
        values = [value]
    else:
        if not isinstance(value, str):
            raise problem
        values = [value]
    for item in values:
        try:
            kind.convert(item, param, None)
        except click.BadParameter:
            raise problem from None


def to_default_map(
    project: ProjectConfig, params: Iterable[click.Parameter]
) -> tuple[dict[str, Any], list[str]]:
    """The ``default_map`` for a command, and warnings about unknown keys.

    Raises :class:`ConfigProblem` for a value of the wrong type or out of range, for any
    key of any command (so a typo in a key ``astc show`` ignores still fails ``astc show``).
    """
    params = list(params)
    mine = config_keys(params)
    by_name = {p.name: p for p in params if isinstance(p, click.Option)}
    every = known_keys()
    default_map: dict[str, Any] = {}
    warnings: list[str] = []
    base = project.path.parent if project.path else Path.cwd()
    for key, value in project.table.items():
        spelled = key.replace("_", "-")  # ``assume_stable`` spelled like the field
        if isinstance(value, dict) and (spelled in SUBTABLES or spelled not in every):
            continue  # a sub-table: it belongs to the feature that owns it
        if spelled in SUBTABLES and spelled not in every:
            project.section(spelled)  # raises: a sub-table's name with a plain value
        name = mine.get(spelled)
        if name is None:
            if spelled not in every:
                message = f"unknown key {key!r} in [tool.astc] (ignored)"
                warnings.append(format_message(str(project.path), 0, 0, Level.WARNING, message))
            else:  # another command's option: checked all the same
                check_value(_param_of(every[spelled], spelled), key, value, project.path)
            continue
        param = by_name[name]
        check_value(param, key, value, project.path)
        if name in PATH_KEYS and isinstance(value, str):
            value = os.fspath(base / value)
        if param.multiple and isinstance(value, str):
            value = [value]  # ``exclude = "gen"`` means ``exclude = ["gen"]``
        default_map[name] = value
    project.kernel_functions()  # [tool.astc.kernels] functions: checked here, used by Options
    return default_map, warnings


def _param_of(name: str, key: str) -> click.Option:
    """The option ``name`` (``[tool.astc]`` key ``key``) of whichever command has it."""
    from astc.cli import main

    for command in main.commands.values():
        if not isinstance(command, AstcCommand):
            continue
        for param in command.params:
            if isinstance(param, click.Option) and param.name == name and f"--{key}" in param.opts:
                return param
    raise KeyError(key)


def _given(raw: object) -> list[str]:
    """A raw parser value as a list of strings (click marks absent values with a sentinel)."""
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list | tuple):
        return [str(v) for v in raw]
    return []


class AstcCommand(click.Command):
    """A command whose defaults come from the project's ``[tool.astc]`` table."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "-h" not in args and "--help" not in args:
            raw, _, _ = self.make_parser(ctx).parse_args(args=list(args))
            srcs = [str(s) for s in _given(raw.get("src")) + _given(raw.get("file"))]
            stdin_name = _given(raw.get("stdin_filename"))
            try:
                start = config_start(
                    [s.split("::")[0] for s in srcs], str(stdin_name[0]) if stdin_name else None
                )
                project = load_project_config(start)
                default_map, warnings = to_default_map(project, self.params)
            except ConfigError as error:
                raise ConfigProblem(error) from None
            except (OSError, RuntimeError) as error:  # a symlink loop among the sources
                raise click.UsageError(f"cannot resolve the sources: {error}") from None
            ctx.default_map = {**(ctx.default_map or {}), **default_map}
            ctx.meta["astc.config"] = LoadedConfig(project, default_map, warnings)
            for warning in warnings:
                echo_message(warning, Level.WARNING)
        return super().parse_args(ctx, args)


def loaded_config(ctx: click.Context) -> LoadedConfig:
    """The configuration :class:`AstcCommand` loaded for this invocation."""
    found = ctx.meta.get("astc.config")
    if isinstance(found, LoadedConfig):
        return found
    return LoadedConfig(ProjectConfig(None, None))
