"""A click command that reads ``[tool.astc]`` into its defaults before parsing.

Precedence, highest first: the command line, an environment variable (``ASTC_CACHE_DIR``),
the project's ``[tool.astc]`` table, the built-in default. Keys in the table are the long
option names without the dashes (``out-dir``, ``assume-stable``; underscores work too);
click's ``default_map`` carries them, so ``ctx.get_parameter_source`` tells where each
value came from. Keys no
astc command knows are warned about (on stderr) and otherwise ignored; sub-tables belong to
the features that own them and are skipped. Relative paths in the file are relative to the
file's directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from astc.config import ConfigError, ProjectConfig, config_start, load_project_config

#: Options whose value is a path, resolved against the configuration file's directory.
PATH_KEYS = frozenset({"out_dir", "cache_dir"})
#: Parameters that make no sense in a configuration file.
NOT_CONFIGURABLE = frozenset({"src", "help", "version", "stdin_filename", "config_file"})


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


def to_default_map(
    project: ProjectConfig, params: Iterable[click.Parameter]
) -> tuple[dict[str, Any], list[str]]:
    """The ``default_map`` for a command, and warnings about unknown keys."""
    params = list(params)
    mine = config_keys(params)
    repeatable = {p.name for p in params if isinstance(p, click.Option) and p.multiple}
    every = known_keys()
    default_map: dict[str, Any] = {}
    warnings: list[str] = []
    base = project.path.parent if project.path else Path.cwd()
    for key, value in project.table.items():
        name = mine.get(key.replace("_", "-"))  # ``assume_stable`` spelled like the field
        if name is None:
            if key.replace("_", "-") not in every and not isinstance(value, dict):
                warnings.append(f"warning: {project.path}: unknown key {key!r} in [tool.astc]")
            continue
        if name in PATH_KEYS and isinstance(value, str):
            value = os.fspath(base / value)
        if name in repeatable and isinstance(value, str):
            value = [value]  # ``exclude = "gen"`` means ``exclude = ["gen"]``
        default_map[name] = value
    return default_map, warnings


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
            start = config_start(
                [s.split("::")[0] for s in srcs], str(stdin_name[0]) if stdin_name else None
            )
            try:
                project = load_project_config(start)
            except ConfigError as error:
                raise click.UsageError(f"configuration: {error}") from None
            default_map, warnings = to_default_map(project, self.params)
            ctx.default_map = {**(ctx.default_map or {}), **default_map}
            ctx.meta["astc.config"] = LoadedConfig(project, default_map, warnings)
            for warning in warnings:
                click.echo(warning, err=True)
            try:
                return super().parse_args(ctx, args)
            except click.BadParameter as error:
                name = error.param.name if error.param is not None else None
                if name in default_map and name not in raw:
                    where = f"{error.message} (from [tool.astc] in {project.path})"
                    raise click.BadParameter(where, ctx=error.ctx, param=error.param) from None
                raise
        return super().parse_args(ctx, args)


def loaded_config(ctx: click.Context) -> LoadedConfig:
    """The configuration :class:`AstcCommand` loaded for this invocation."""
    found = ctx.meta.get("astc.config")
    if isinstance(found, LoadedConfig):
        return found
    return LoadedConfig(ProjectConfig(None, None))
