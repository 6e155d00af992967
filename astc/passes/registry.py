"""The registry of passes: one line per pass, in the order one iteration runs them.

To add a pass: write ``astc/passes/<name>.py`` with a :class:`~astc.passes.base.Pass`
subclass (its name, triggers, codes and a docstring stating its precondition with a
before/after example), and add its line here. The pipeline, the pre-scan, ``--passes``,
the command line's counts and the documentation's table all follow from the two
(``tests/test_structure.py`` adds a toy pass that way, and checks the tables). A pass
defined outside astc (a plugin, a test) is added with :func:`register`.

This module imports nothing heavy: :mod:`astc.options` reads the names from it, and the
pass modules (LibCST) are imported only when a compile needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from astc.passes.base import Pass

#: ``(name, "module:Class")``, in the order the pipeline runs them.
REGISTRY: list[tuple[str, str]] = [
    ("inline", "astc.passes.inline:Inline"),
    ("call-fold", "astc.passes.call_fold:CallFold"),
    ("propagate", "astc.passes.propagate:Propagate"),
    ("constant-fold", "astc.passes.constant_fold:ConstantFold"),
    ("dead-code", "astc.passes.dead_code:DeadCode"),
]

#: Every pass's name, in registry order (the default of ``--passes``).
PASS_NAMES: tuple[str, ...] = tuple(name for name, _ in REGISTRY)


def names() -> tuple[str, ...]:
    """The registered names now (a pass registered at run time included)."""
    return tuple(name for name, _ in REGISTRY)


def register(name: str, where: str, *, before: str | None = None) -> None:
    """Add pass ``name`` (class at ``"module:Class"``) as its line in :data:`REGISTRY`
    would, before pass ``before`` (default: last).

    Registered before :mod:`astc.options` is imported, the pass is part of everything a
    line in :data:`REGISTRY` is part of (the default of ``Options.passes``, ``--passes``,
    ``--disable``, ``--stop-after``). Registered later, ``Options`` accepts the name but its
    default and the command line's choices were taken already: the pass runs where
    ``Options.passes`` names it.
    """
    global PASS_NAMES
    if name in names():
        raise ValueError(f"pass {name!r} is registered already")
    if not name or ":" not in where:
        raise ValueError(f"register(name, 'module:Class'), not ({name!r}, {where!r})")
    at = len(REGISTRY)
    if before is not None:
        if before not in names():
            raise ValueError(f"no pass {before!r} to register {name!r} before")
        at = names().index(before)
    REGISTRY.insert(at, (name, where))
    PASS_NAMES = names()


def load() -> tuple[type[Pass], ...]:
    """The pass classes, in registry order; a class whose ``name`` differs from its
    registration is an error in the registry."""
    classes: list[type[Pass]] = []
    for name, where in REGISTRY:
        module, _, attr = where.partition(":")
        cls: type[Pass] = getattr(importlib.import_module(module), attr)
        if cls.name != name:
            raise RuntimeError(f"{where} is registered as {name!r} but is named {cls.name!r}")
        classes.append(cls)
    return tuple(classes)
