"""Shared helpers: run a module's source and capture everything observable about it."""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def run_module(source: str, calls: list[tuple[str, tuple[Any, ...]]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """Exec ``source`` in a fresh namespace; return stdout, the exception type and call results."""
    namespace: dict[str, Any] = {"__name__": "__astc_test__"}
    out = io.StringIO()
    outcome: dict[str, Any] = {}
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<test>", "exec"), namespace)
            outcome["error"] = None
        except Exception as error:  # the exception is part of the behaviour compared
            outcome["error"] = type(error).__name__
        results = []
        for name, args in calls:
            try:
                value = namespace[name](*args)
                # Object addresses differ between any two runs: not behaviour.
                shown = _ADDRESS.sub(" at 0x...", repr(value))
                results.append(("ok", type(value).__name__, shown))
            except Exception as error:
                results.append(("raised", type(error).__name__))
        outcome["calls"] = results
    outcome["stdout"] = out.getvalue()
    return outcome


def without_header(code: str) -> str:
    """astc's output without its header line (the last line: it names the source's hash)."""
    lines = code.splitlines(keepends=True)
    if lines and lines[-1].startswith("# Compiled by astc "):
        lines = lines[:-1]
    return "".join(lines)
