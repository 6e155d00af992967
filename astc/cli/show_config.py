"""``astc config``: the resolved configuration of ``astc compile``, and where each value
came from (command line, environment, ``pyproject.toml``, or default)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from astc.cli._command import AstcCommand, config_keys, loaded_config
from astc.cli._files import DEFAULT_EXCLUDES
from astc.cli.compile import available_cpus, compile_options, resolve_dirs

_SOURCES = {
    ParameterSource.COMMANDLINE: "command line",
    ParameterSource.ENVIRONMENT: "environment",
    ParameterSource.DEFAULT: "default",
    ParameterSource.DEFAULT_MAP: "config",
    ParameterSource.PROMPT: "prompt",
}


def _toml(value: Any) -> str:
    if isinstance(value, Path):
        value = str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value)


EXAMPLES = """\b
Examples:
  astc config                   the settings astc compile would use here
  astc config src/ -W 2         with these sources and options
"""


@click.command("config", cls=AstcCommand, epilog=EXAMPLES)
@compile_options
@click.pass_context
def config_cmd(ctx: click.Context, /, **params: Any) -> None:
    """Print the configuration `astc compile` would use with the same arguments.

    One `key = value` line per option, in the syntax of [tool.astc], with where the value
    came from as a comment.
    """
    loaded = loaded_config(ctx)
    project = loaded.project
    out_dir, cache_dir = resolve_dirs(params, project.root)
    click.echo(f"# project root: {project.root or 'none'}")
    click.echo(f"# configuration file: {project.path or 'none'}")
    for warning in loaded.warnings:
        click.echo(f"# {warning}")
    computed: dict[str, Any] = {
        "out_dir": out_dir,
        "cache_dir": cache_dir,
        "workers": params["workers"] or available_cpus(),
        "exclude": params["exclude"] or DEFAULT_EXCLUDES,
    }
    for key, name in config_keys(ctx.command.params).items():
        source = ctx.get_parameter_source(name)
        where = _SOURCES.get(source, "default") if source is not None else "default"
        if where == "config":
            where = str(project.path)
        value = computed.get(name, params.get(name)) if where == "default" else params.get(name)
        if value is None:
            click.echo(f"# {key} is unset  # {where}")
        else:
            click.echo(f"{key} = {_toml(value)}  # {where}")
