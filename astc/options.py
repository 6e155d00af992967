"""Compiler options: one frozen value that every stage reads and the cache fingerprint covers.

:class:`Options` is the only place a compile stage reads configuration from: the command
line, ``[tool.astc]`` (and ``[tool.astc.kernels]``), the import hook's environment and the
library API all build one, and nothing below them reads a file or the environment.
Choices are enums (:class:`KernelMode`, :class:`Target`); they are ``str`` subclasses, so
``options.kernels == "auto"`` works. :meth:`Options.to_json` / :meth:`Options.from_json`
round-trip exactly (equal, hashable), which is how the hook passes options to children.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import typing
from dataclasses import dataclass, field
from typing import Any

from astc.passes.registry import PASS_NAMES as PASS_NAMES  # the one list of passes
from astc.passes.registry import names


class KernelMode(enum.StrEnum):
    """Which functions become Numba kernels (docs/kernels.md)."""

    OFF = "off"
    EXPLICIT = "explicit"
    AUTO = "auto"
    PROFILE = "profile"


class Target(enum.StrEnum):
    """Where kernels run by default."""

    CPU = "cpu"
    CUDA = "cuda"


@dataclass(frozen=True)
class Options:
    """What the compiler may assume and which passes it runs.

    ``assume_stable`` relaxes the semantic model (see ``docs/semantics.md``): module-level
    functions and constants are taken to be never rebound from outside the module, so
    inlined calls need no identity guard and module constants propagate into functions.
    An int field's ``metadata["min"]`` is its smallest allowed value (the command line and
    ``[tool.astc]`` check it too).
    """

    #: Assume module functions and constants are never rebound from outside (no guards).
    assume_stable: bool = False
    #: The passes to run (the pipeline runs them in ``PASS_NAMES`` order).
    passes: tuple[str, ...] = PASS_NAMES
    #: Most rounds of all passes over one unit before settling for the result so far.
    max_iterations: int = field(default=16, metadata={"min": 1})
    #: Budget of evaluator steps for one compile-time evaluation (calls and module constants).
    fold_step_budget: int = field(default=20_000, metadata={"min": 1})
    #: Which functions become Numba kernels: off | explicit | auto | profile (docs/kernels.md).
    kernels: KernelMode = KernelMode.EXPLICIT
    #: Default target of kernels: cpu | cuda.
    target: Target = Target.CPU
    #: Profile file written by ``astc profile`` (implies ``kernels = "profile"``).
    profile: str | None = None
    #: Functions to hand to Numba, as if marked (``[tool.astc.kernels] functions`` adds more).
    kernel_functions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("passes", "kernel_functions"):
            value = getattr(self, name)
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name} must be a sequence of names, not {value!r}")
            object.__setattr__(self, name, tuple(value))
        known = names()
        unknown = [p for p in self.passes if p not in known]
        if unknown:
            raise ValueError(f"unknown pass(es): {', '.join(unknown)} (known: {', '.join(known)})")
        object.__setattr__(self, "kernels", _choice(KernelMode, self.kernels, "kernels mode"))
        object.__setattr__(self, "target", _choice(Target, self.target, "target"))
        if self.kernels == KernelMode.PROFILE and self.profile is None:
            raise ValueError("kernels = 'profile' needs a profile file (--profile FILE)")
        for f in dataclasses.fields(self):
            least = f.metadata.get("min")
            value = getattr(self, f.name)
            if least is not None and (type(value) is not int or value < least):
                raise ValueError(f"{f.name} must be an integer of at least {least}, not {value!r}")

    def enabled(self, name: str) -> bool:
        return name in self.passes

    def to_dict(self) -> dict[str, Any]:
        """Every field as JSON-compatible values (enums as their strings, tuples as lists)."""
        return json.loads(json.dumps(dataclasses.asdict(self)))  # type: ignore[no-any-return]

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, fields: dict[str, Any]) -> Options:
        """The inverse of :meth:`to_dict` (lists back to tuples, strings back to enums)."""
        hints = typing.get_type_hints(cls)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in fields:
                continue
            value = fields[f.name]
            if typing.get_origin(hints[f.name]) is tuple and isinstance(value, list):
                value = tuple(value)
            kwargs[f.name] = value
        unknown = set(fields) - set(kwargs)
        if unknown:
            raise ValueError(f"unknown option(s): {', '.join(sorted(unknown))}")
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> Options:
        return cls.from_dict(json.loads(text))

    def fingerprint(self) -> str:
        """A short stable hash of every option, for cache keys."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()[:16]


_E = typing.TypeVar("_E", KernelMode, Target)


def _choice(kind: type[_E], value: str, what: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(m.value for m in kind)
        raise ValueError(f"unknown {what} {value!r} (known: {known})") from None
