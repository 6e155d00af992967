"""Structured results of a compile: diagnostics (errors) and the optimization report.

Every transformation astc makes, and every one it considered and refused, becomes a
:class:`ReportEntry` with a stable reason :class:`Code`, so that tools (``astc explain``,
JSON output) and tests can rely on the codes rather than on message text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Code(enum.Enum):
    """Stable reason codes. ``ASTC0xx`` errors, ``ASTC1xx`` applied, ``ASTC2xx`` refused."""

    # errors
    SYNTAX_ERROR = "ASTC001"
    READ_ERROR = "ASTC002"
    INTERNAL_ERROR = "ASTC003"
    WRITE_ERROR = "ASTC004"  # the compiled output could not be written
    VERIFY_FAILED = "ASTC005"  # ``--verify`` found the output wrong (re-parse, idempotence, names)
    # applied transformations
    INLINED = "ASTC101"
    CALL_FOLDED = "ASTC102"
    CONSTANT_FOLDED = "ASTC103"
    PROPAGATED = "ASTC104"
    DEAD_CODE_REMOVED = "ASTC105"
    GUARDED = "ASTC106"
    KERNEL = "ASTC107"
    KERNEL_PARALLEL = "ASTC108"
    # hybridization (astc.hybridize): applied
    HYBRID_FUSED = "ASTC150"
    HYBRID_LOWERED = "ASTC151"
    HYBRID_KERNEL = "ASTC152"
    HYBRID_COMPILED = "ASTC153"
    # refusals
    RECURSIVE = "ASTC201"
    GENERATOR = "ASTC202"
    ASYNC = "ASTC203"
    CLOSURE = "ASTC204"
    DECORATED = "ASTC205"
    STAR_ARGS = "ASTC206"
    GLOBAL_NONLOCAL = "ASTC207"
    DYNAMIC_SCOPE = "ASTC208"
    REBOUND = "ASTC209"
    UNSUPPORTED_BODY = "ASTC210"
    UNSUPPORTED_CALL = "ASTC211"
    NON_CONSTANT_DEFAULT = "ASTC212"
    NAME_CLASH = "ASTC213"
    OPAQUE_CALL = "ASTC214"
    SIDE_EFFECT = "ASTC215"
    NOT_FOLDABLE = "ASTC216"
    FOLD_RAISES = "ASTC217"
    LIMIT_EXCEEDED = "ASTC218"
    CHANGES_SCOPE = "ASTC219"
    ROUND_TRIP = "ASTC220"
    ITERATION_LIMIT = "ASTC221"
    CLASS_SCOPE = "ASTC222"
    KERNEL_REFUSED = "ASTC223"
    KERNEL_CALL = "ASTC224"
    # hybridization: refused (the callable runs the original, or NumPy instead of a kernel)
    HYBRID_REFUSED = "ASTC250"
    HYBRID_NO_KERNEL = "ASTC251"


@dataclass(frozen=True)
class Diagnostic:
    """An error that stopped a file from compiling, with a position in the source."""

    filename: str
    line: int
    column: int  # 1-based, like compilers and editors print it
    message: str
    code: Code = Code.SYNTAX_ERROR

    def format(self) -> str:
        """``path:line:col: error: message [ASTC001]``."""
        return (
            f"{self.filename}:{self.line}:{self.column}: error: {self.message} [{self.code.value}]"
        )


@dataclass(frozen=True)
class ReportEntry:
    """One transformation made (``applied``) or refused, and why."""

    pass_name: str
    code: Code
    applied: bool
    line: int
    message: str
    function: str | None = None  # qualified name of the enclosing function, if any

    def format(self, filename: str = "<string>") -> str:
        verdict = "done" if self.applied else "refused"
        where = f" in {self.function}" if self.function else ""
        return (
            f"{filename}:{self.line}: {self.pass_name}: {verdict}{where}: "
            f"{self.message} [{self.code.value}]"
        )


@dataclass
class Report:
    """The ordered list of report entries, with counts per pass for summaries."""

    entries: list[ReportEntry] = field(default_factory=list)
    _seen: set[ReportEntry] = field(default_factory=set, repr=False, compare=False)

    def add(self, entry: ReportEntry) -> None:
        if entry not in self._seen:  # passes rerun to a fixed point; report once
            self._seen.add(entry)
            self.entries.append(entry)

    @property
    def applied(self) -> list[ReportEntry]:
        return [e for e in self.entries if e.applied]

    @property
    def refused(self) -> list[ReportEntry]:
        return [e for e in self.entries if not e.applied]

    def count(self, code: Code) -> int:
        return sum(1 for e in self.entries if e.code is code)


@dataclass
class CompileResult:
    """What :func:`astc.compile_source` returns.

    ``code`` is the compiled module text (always starting with astc's header), or ``None``
    when the source could not be compiled (then ``diagnostics`` says why). ``changed`` is
    true when at least one transformation was applied.
    """

    filename: str
    source: str
    code: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: Report = field(default_factory=Report)

    @property
    def ok(self) -> bool:
        return self.code is not None

    @property
    def changed(self) -> bool:
        return bool(self.report.applied)


class CompileError(Exception):
    """Raised by helpers that cannot return a :class:`CompileResult` (e.g. unreadable file)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic
