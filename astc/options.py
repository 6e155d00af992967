"""Compiler options: one frozen value that every stage reads and the cache fingerprint covers."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass

#: Every pass astc knows, in the order the pipeline runs them inside one iteration.
PASS_NAMES: tuple[str, ...] = (
    "inline",
    "call-fold",
    "propagate",
    "constant-fold",
    "dead-code",
)


@dataclass(frozen=True)
class Options:
    """What the compiler may assume and which passes it runs.

    ``assume_stable`` relaxes the semantic model (see ``docs/semantics.md``): module-level
    functions and constants are taken to be never rebound from outside the module, so
    inlined calls need no identity guard and module constants propagate into functions.
    """

    #: Assume module functions and constants are never rebound from outside (no guards).
    assume_stable: bool = False
    #: The passes to run (the pipeline runs them in ``PASS_NAMES`` order).
    passes: tuple[str, ...] = PASS_NAMES
    #: Most rounds of all passes over one unit before settling for the result so far.
    max_iterations: int = 8
    #: Budget of evaluator steps for one compile-time call evaluation.
    fold_step_budget: int = 20_000

    def __post_init__(self) -> None:
        unknown = [p for p in self.passes if p not in PASS_NAMES]
        if unknown:
            raise ValueError(
                f"unknown pass(es): {', '.join(unknown)} (known: {', '.join(PASS_NAMES)})"
            )
        if self.max_iterations < 1:
            raise ValueError("max_iterations must be at least 1")

    def enabled(self, name: str) -> bool:
        return name in self.passes

    def fingerprint(self) -> str:
        """A short stable hash of every option, for cache keys."""
        blob = json.dumps(dataclasses.asdict(self), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
