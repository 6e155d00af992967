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

KERNEL_MODES: tuple[str, ...] = ("off", "explicit", "auto", "profile")
KERNEL_TARGETS: tuple[str, ...] = ("cpu", "cuda")


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
    max_iterations: int = 16
    #: Budget of evaluator steps for one compile-time call evaluation.
    fold_step_budget: int = 20_000
    #: Which functions become Numba kernels: off | explicit | auto | profile (docs/kernels.md).
    kernels: str = "explicit"
    #: Default target of kernels: cpu | cuda.
    target: str = "cpu"
    #: Profile file written by ``astc profile`` (implies ``kernels = "profile"``).
    profile: str | None = None
    #: Functions to hand to Numba, as if marked (``[tool.astc.kernels] functions`` adds more).
    kernel_functions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = [p for p in self.passes if p not in PASS_NAMES]
        if unknown:
            raise ValueError(
                f"unknown pass(es): {', '.join(unknown)} (known: {', '.join(PASS_NAMES)})"
            )
        if self.kernels not in KERNEL_MODES:
            raise ValueError(
                f"unknown kernels mode {self.kernels!r} (known: {', '.join(KERNEL_MODES)})"
            )
        if self.target not in KERNEL_TARGETS:
            raise ValueError(f"unknown target {self.target!r} (known: {', '.join(KERNEL_TARGETS)})")
        if self.kernels == "profile" and self.profile is None:
            raise ValueError("kernels = 'profile' needs a profile file (--profile FILE)")
        if self.max_iterations < 1:
            raise ValueError("max_iterations must be at least 1")

    def enabled(self, name: str) -> bool:
        return name in self.passes

    def fingerprint(self) -> str:
        """A short stable hash of every option, for cache keys."""
        blob = json.dumps(dataclasses.asdict(self), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
