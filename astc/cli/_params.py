"""Compiler options on the command line, derived from the fields of :class:`astc.Options`.

Every field of ``Options`` whose type is ``bool``, ``int``, ``float``, ``str``, a
``Literal[...]`` of strings, ``tuple[str, ...]`` or one of those ``| None`` becomes a long
option named after it (``assume_stable`` -> ``--assume-stable``, a bool as
``--assume-stable/--no-assume-stable``) and so also a ``[tool.astc]`` key
(``assume-stable = true``). A field added to ``Options`` later therefore shows up on the
command line and in the configuration without any edit here. Help text comes from the
field's ``metadata["help"]`` or else from the ``#:`` comment above it in ``astc/options.py``.

``passes`` is the one field with extra sugar: ``--passes a,b`` selects, ``--disable PASS``
(repeatable) removes, and ``astc show --stop-after PASS`` truncates (see :func:`build_options`).
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import json
import re
import types
import typing
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Literal, TypeVar

import click

from astc.cli._shared import ConfigProblem
from astc.config import ConfigError, ProjectConfig, with_kernel_functions
from astc.options import PASS_NAMES, Options

F = TypeVar("F", bound=Callable[..., Any])


class CommaList(click.ParamType[Any]):
    """A list given as ``a,b,c`` on the command line or as a TOML array in the config."""

    name = "list"

    def __init__(self, choices: Sequence[str] | None = None) -> None:
        self.choices = tuple(choices) if choices is not None else None

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "A,B,..." if self.choices is None else "[" + "|".join(self.choices) + "],..."

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            items = [v.strip() for v in value.split(",") if v.strip()]
        elif isinstance(value, list | tuple):
            items = [str(v) for v in value]
        else:
            self.fail(f"{value!r} is not a comma-separated list", param, ctx)
        if self.choices is not None:
            unknown = [v for v in items if v not in self.choices]
            if unknown:
                self.fail(
                    f"unknown: {', '.join(unknown)} (choose from {', '.join(self.choices)})",
                    param,
                    ctx,
                )
        return tuple(items)


@cache
def _comment_help(cls: type) -> dict[str, str]:
    """``#:`` comments above fields in the source of ``cls`` (Sphinx's convention)."""
    try:
        lines = inspect.getsource(cls).splitlines()
    except (OSError, TypeError):
        return {}
    found: dict[str, str] = {}
    pending: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        match = re.match(r"([A-Za-z_]\w*)\s*:", stripped)
        if match and pending:
            found[match.group(1)] = " ".join(pending)
        pending = []
    return found


def _click_type(
    hint: Any, name: str, least: int | None = None
) -> tuple[click.ParamType[Any] | type, bool] | None:
    """The click type for a field's annotation, and whether the option is a flag."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return _click_type(rest[0], name, least) if len(rest) == 1 else None
    if hint is bool:
        return click.BOOL, True
    if hint is int and least is not None:
        return click.IntRange(min=least), False
    if hint in (int, float, str):
        return hint, False
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return click.Choice([str(m.value) for m in hint]), False
    if origin is Literal and all(isinstance(a, str) for a in args):
        return click.Choice(args), False
    if origin is tuple and args[-1:] == (Ellipsis,) and args[0] is str:
        return CommaList(PASS_NAMES if name == "passes" else None), False
    return None


@dataclasses.dataclass(frozen=True)
class OptionField:
    """A field of :class:`Options` exposed as a command-line option."""

    name: str  # the field name, also the click parameter name
    flag: str  # ``--long-name``, also the ``[tool.astc]`` key without dashes
    decls: tuple[str, ...]
    attrs: dict[str, Any]

    def make(self) -> click.Option:
        """A fresh click option (commands do not share parameter objects)."""
        return click.Option(list(self.decls), **self.attrs)


@cache
def option_fields(cls: type = Options) -> tuple[OptionField, ...]:
    """The exposed fields of the dataclass ``cls`` (:class:`Options`), in declaration order."""
    hints = typing.get_type_hints(cls, include_extras=False)
    comments = _comment_help(cls)
    exposed: list[OptionField] = []
    for field in dataclasses.fields(cls):
        if not field.init:
            continue
        typed = _click_type(hints[field.name], field.name, field.metadata.get("min"))
        if typed is None:
            continue  # a type the command line cannot express: library-only option
        click_type, is_flag = typed
        if field.default is not dataclasses.MISSING:
            default = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            continue
        long = "--" + field.name.replace("_", "-")
        help_text = field.metadata.get("help") or comments.get(field.name) or "Compiler option."
        if field.name == "passes":
            help_text = "Passes to run, comma-separated (default: all)."
            attrs_extra: dict[str, Any] = {"show_default": False}
        else:
            attrs_extra = {}
        decls = (f"{long}/--no-{long[2:]}" if is_flag else long, field.name)
        if isinstance(default, enum.Enum):
            default = default.value
        attrs: dict[str, Any] = {
            "default": ",".join(default) if isinstance(default, tuple) else default,
            "show_default": True,
            "help": str(help_text),
            **attrs_extra,
        }
        if not is_flag:
            attrs["type"] = click_type
        exposed.append(OptionField(field.name, long, decls, attrs))
    return tuple(exposed)


def compiler_options(fn: F) -> F:
    """Add one option per exposed :class:`Options` field, plus ``--disable PASS``."""
    click.option(
        "--disable",
        type=click.Choice(PASS_NAMES),
        multiple=True,
        help="Skip a pass (repeatable).",
    )(fn)
    for field in reversed(option_fields()):
        params: list[click.Parameter] = fn.__dict__.setdefault("__click_params__", [])
        params.append(field.make())
    return fn


def check_profile(path: str) -> None:
    """``click.UsageError`` unless ``path`` is a profile written by ``astc profile``."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise click.UsageError(
            f"--profile {path}: cannot read: {error.strerror or error}"
        ) from None
    except ValueError as error:
        raise click.UsageError(f"--profile {path}: not a profile (invalid JSON: {error})") from None
    if not (
        isinstance(data, dict)
        and isinstance(data.get("functions"), list)
        and isinstance(data.get("total_s"), int | float)
    ):
        raise click.UsageError(f"--profile {path}: not a profile written by `astc profile`")


def build_options(
    params: dict[str, Any],
    stop_after: str | None = None,
    project: ProjectConfig | None = None,
) -> Options:
    """The :class:`Options` the parsed ``params`` describe; ``click.UsageError`` if invalid.

    Pass selection: ``--passes`` (default all) minus ``--disable``, cut after ``stop_after``
    when given. Selected passes keep :data:`PASS_NAMES` order, so equal selections give equal
    fingerprints (the pipeline runs passes in that order whatever the tuple says).
    ``project``'s ``[tool.astc.kernels] functions`` are added to ``kernel_functions``; a
    ``--profile`` file must exist and be a profile.
    """
    kwargs: dict[str, Any] = {}
    for field in option_fields():
        if field.name in params and params[field.name] is not None:
            kwargs[field.name] = params[field.name]
    selected = set(kwargs.get("passes", PASS_NAMES)) - set(params.get("disable") or ())
    names = PASS_NAMES
    if stop_after is not None:
        names = PASS_NAMES[: PASS_NAMES.index(stop_after) + 1]
    kwargs["passes"] = tuple(p for p in names if p in selected)
    if kwargs.get("profile") is not None:
        check_profile(str(kwargs["profile"]))
    try:
        options = Options(**kwargs)
    except (TypeError, ValueError) as error:
        raise click.UsageError(str(error)) from None
    if project is None:
        return options
    try:
        return with_kernel_functions(options, project)
    except ConfigError as error:
        raise ConfigProblem(error) from None
