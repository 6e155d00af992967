"""Structured results of a compile: diagnostics (errors) and the optimization report.

Every transformation astc makes, and every one it considered and refused, becomes a
:class:`ReportEntry` with a stable reason :class:`Code`, so that tools (``astc explain``,
JSON output) and tests can rely on the codes rather than on message text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple

from astc.generated import alias


class Code(enum.Enum):
    """Stable reason codes. ``ASTC0xx`` errors, ``ASTC1xx`` applied, ``ASTC2xx`` refused."""

    # errors
    SYNTAX_ERROR = "ASTC001"
    READ_ERROR = "ASTC002"
    INTERNAL_ERROR = "ASTC003"
    WRITE_ERROR = "ASTC004"  # the compiled output could not be written
    VERIFY_FAILED = "ASTC005"  # ``--verify`` found the output wrong (re-parse, idempotence, names)
    CONFIG_ERROR = "ASTC006"  # a ``[tool.astc]`` value of the wrong type or out of range
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
    KERNEL_REFUSED = "ASTC223"  # not a plain top-level def (decorated, generator, rebound...)
    KERNEL_CALL = "ASTC224"
    TOO_DEEP = "ASTC225"  # nested deeper than astc's rewriter can follow: left unchanged
    NOT_STABLE = "ASTC226"  # assume_stable not applied: the module reaches module objects
    # kernels: one code per reason a function is not handed to Numba (docs/kernels.md)
    KERNEL_NO_WORK = "ASTC230"  # no loop and no whole-array work: dispatch would cost more
    KERNEL_NOT_HOT = "ASTC231"  # profile mode: below the hot threshold
    KERNEL_UNSUPPORTED = "ASTC232"  # a construct outside astc's nopython subset
    KERNEL_INT_RANGE = "ASTC233"  # Python-int arithmetic not proven to stay within int64
    KERNEL_MIXED_TYPES = "ASTC234"  # a name bound to values Numba would unify to one type
    KERNEL_INEXACT_FUNCTION = "ASTC235"  # a library function Numba computes differently
    KERNEL_INEXACT_OPERATION = "ASTC236"  # an operator whose CPython/NumPy result differs
    KERNEL_GLOBAL = "ASTC237"  # reads a module global that Numba would freeze
    KERNEL_LISTS = "ASTC238"  # container parameters and no sign of NumPy: probably lists
    KERNEL_CALLEE = "ASTC239"  # calls a function that cannot be compiled with the kernel
    KERNEL_NO_PRANGE = "ASTC240"  # parallel=True: a loop that is not provably independent
    KERNEL_NO_CUDA = "ASTC241"  # target="cuda": no CUDA form (runs as a CPU kernel)
    KERNEL_MARKER = "ASTC242"  # bad marker options, kernel configuration or profile file
    # hybridization: refused (the callable runs the original, or NumPy instead of a kernel)
    HYBRID_REFUSED = "ASTC250"
    HYBRID_NO_KERNEL = "ASTC251"


class Level(enum.StrEnum):
    """How serious a message is; printed between the position and the message."""

    ERROR = "error"  # the file was not compiled
    WARNING = "warning"  # something the user should look at; the run goes on
    INFO = "info"  # a transformation made or refused


def format_message(
    path: str, line: int, column: int, level: Level, message: str, code: Code | None = None
) -> str:
    """The one message format: ``path:line:col: level: message [CODE]``.

    A part that is not known is left out: the column when it is 0, the line and column when
    the line is 0 (``path: error: cannot read: ... [ASTC002]``), the code when None.
    """
    where = path
    if line:
        where += f":{line}" + (f":{column}" if column else "")
    tail = f" [{code.value}]" if code is not None else ""
    return f"{where}: {level}: {message}{tail}"


@dataclass(frozen=True)
class Diagnostic:
    """An error that stopped a file from compiling, with a position in the source."""

    filename: str
    line: int  # 0 when the error has no position in the source (unreadable, unwritable)
    column: int  # 1-based, like compilers and editors print it; 0 when unknown
    message: str
    code: Code = Code.SYNTAX_ERROR

    def format(self) -> str:
        """``path:line:col: error: message [ASTC001]`` (:func:`format_message`)."""
        return format_message(
            self.filename, self.line, self.column, Level.ERROR, self.message, self.code
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

    def describe(self) -> str:
        """``inline: done in f: call to add`` (what :meth:`format` puts after the level)."""
        verdict = "done" if self.applied else "refused"
        where = f" in {self.function}" if self.function else ""
        return f"{self.pass_name}: {verdict}{where}: {self.message}"

    def format(self, filename: str = "<string>") -> str:
        """``path:line: info: inline: done in f: call to add [ASTC101]``."""
        return format_message(filename, self.line, 0, Level.INFO, self.describe(), self.code)


@dataclass
class Report:
    """The ordered list of report entries, with counts per pass for summaries."""

    entries: list[ReportEntry] = field(default_factory=list)
    _seen: set[ReportEntry] = field(default_factory=set, repr=False, compare=False)

    def add(self, entry: ReportEntry) -> None:
        seen = len(self._seen)
        self._seen.add(entry)  # one hash of the entry, not two (a test, then an add)
        if len(self._seen) > seen:  # passes rerun to a fixed point; report once
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


class Explanation(NamedTuple):
    """What ``astc codes CODE`` prints: a title, what it means, what the user can do."""

    title: str
    meaning: str
    action: str


#: Every :class:`Code`, explained for users (``astc codes``). A new code needs an entry here
#: (a test checks that none is missing): a short title, what happened in the user's terms,
#: and what they can do about it.
EXPLANATIONS: dict[Code, Explanation] = {
    Code.SYNTAX_ERROR: Explanation(
        "the source is not valid Python",
        "Python itself would refuse this file (a syntax error, or a name declared global after "
        "use), or astc could not parse it. Nothing is written for this file.",
        "Fix the error at the position shown; `python -m py_compile FILE` shows the same one.",
    ),
    Code.READ_ERROR: Explanation(
        "the source could not be read",
        "The file could not be opened, or its bytes do not decode in the encoding it declares "
        "(a coding cookie or BOM; UTF-8 otherwise).",
        "Check the file's permissions and its `# -*- coding: ... -*-` line.",
    ),
    Code.INTERNAL_ERROR: Explanation(
        "astc failed (a bug in astc)",
        "The compiler crashed on this file. The other files are still compiled; nothing is "
        "written for this one.",
        "Please report it with the file; meanwhile `# astc: skip-file` or --exclude skips it.",
    ),
    Code.WRITE_ERROR: Explanation(
        "the output could not be written",
        "The compiled module could not be written: the directory is not writable, the output "
        "would overwrite the source, or the compiled text cannot be encoded in the encoding "
        "the source declares.",
        "Choose another --out-dir, fix the permissions, or use --in-place on purpose.",
    ),
    Code.VERIFY_FAILED: Explanation(
        "--verify found a problem in the output",
        "The compiled module did not pass a --verify check (it must compile as strictly as the "
        "source, compile again to itself, and bind the same public names). It was not written.",
        "Please report it with the file: it is a bug in astc.",
    ),
    Code.CONFIG_ERROR: Explanation(
        "a setting in pyproject.toml is invalid",
        "A key of [tool.astc] (or one of its sub-tables) has a value of the wrong type or out "
        "of range. astc stops before compiling anything (exit status 2).",
        "Give the key a value of the type the message names; `astc config` shows every key.",
    ),
    Code.INLINED: Explanation(
        "a call was inlined",
        "The body of a small module function replaced a call of it, saving the call's cost.",
        "Nothing to do. --disable inline turns it off.",
    ),
    Code.CALL_FOLDED: Explanation(
        "a call was computed at compile time",
        "A call of a pure module function on constant arguments was replaced by its result.",
        "Nothing to do. --disable call-fold turns it off.",
    ),
    Code.CONSTANT_FOLDED: Explanation(
        "a constant expression was computed",
        "An expression on literals (`2 * 21`) was replaced by its value (`42`).",
        "Nothing to do. --disable constant-fold turns it off.",
    ),
    Code.PROPAGATED: Explanation(
        "a known value was substituted",
        "A name whose value is known at that point (a constant, or a value used once) was "
        "replaced by the value.",
        "Nothing to do. --disable propagate turns it off.",
    ),
    Code.DEAD_CODE_REMOVED: Explanation(
        "unused code was removed",
        "An assignment nobody reads, or code that can never run, was removed.",
        "Nothing to do. --disable dead-code turns it off.",
    ),
    Code.GUARDED: Explanation(
        "a fast path is guarded",
        "The optimized code runs only while the functions it relies on are the ones astc saw "
        f"(`if add is {alias('add')}:`); if a test or a caller replaces one, the original code "
        "runs.",
        "Nothing to do. --assume-stable drops the guards if nothing rebinds module functions.",
    ),
    Code.KERNEL: Explanation(
        "a function became a Numba kernel",
        "The function is compiled by Numba when first called (plain Python without Numba).",
        "Nothing to do. --kernels off turns kernels off; ASTC_DISABLE=1 at run time too.",
    ),
    Code.KERNEL_PARALLEL: Explanation(
        "a kernel loop runs in parallel",
        "An independent loop of a parallel kernel became `numba.prange`.",
        "Nothing to do.",
    ),
    Code.HYBRID_FUSED: Explanation(
        "layers were fused",
        "astc.hybridize fused the model's calls into one function (loops unrolled).",
        "Nothing to do.",
    ),
    Code.HYBRID_LOWERED: Explanation(
        "a layer was lowered to loops",
        "astc.hybridize wrote a layer as explicit loops for the Numba kernel.",
        "Nothing to do.",
    ),
    Code.HYBRID_KERNEL: Explanation(
        "a hybrid kernel was built",
        "astc.hybridize built a Numba kernel for the fused function.",
        "Nothing to do.",
    ),
    Code.HYBRID_COMPILED: Explanation(
        "a function was hybridized",
        "astc.hybridize compiled the function with its constants frozen.",
        "Nothing to do.",
    ),
    Code.RECURSIVE: Explanation(
        "not inlined: the function is recursive",
        "Inlining a function that calls itself would never end.",
        "Nothing to do; the call stays a call.",
    ),
    Code.GENERATOR: Explanation(
        "not inlined: a generator function",
        "A function with `yield` cannot be pasted into its caller: calling it only creates a "
        "generator. Also: a caller that can suspend cannot rely on a check made at its entry.",
        "Nothing to do; the call stays a call.",
    ),
    Code.ASYNC: Explanation(
        "not inlined: a coroutine function",
        "Calling an `async def` creates a coroutine; its body cannot run in the caller.",
        "Nothing to do; the call stays a call.",
    ),
    Code.CLOSURE: Explanation(
        "not inlined: the function defines nested scopes",
        "The body defines functions, lambdas or comprehensions, whose scoping would change if "
        "pasted into the caller.",
        "Move the nested function to module level if you want the call inlined.",
    ),
    Code.DECORATED: Explanation(
        "not inlined: the function is decorated",
        "A decorator may replace the function by anything, so its body is not what runs.",
        "Nothing to do; the call stays a call.",
    ),
    Code.STAR_ARGS: Explanation(
        "not inlined: the function takes *args or **kwargs",
        "astc inlines only functions whose parameters map one-to-one to the call's arguments.",
        "Nothing to do; the call stays a call.",
    ),
    Code.GLOBAL_NONLOCAL: Explanation(
        "not inlined: the function declares global or nonlocal names",
        "Its assignments would bind different variables once pasted into the caller.",
        "Nothing to do; the call stays a call.",
    ),
    Code.DYNAMIC_SCOPE: Explanation(
        "left alone: the code inspects or changes its scope",
        "`locals()`, `globals()`, `exec`, `eval`, `vars()` or `import *` can read or bind any "
        "name, so astc cannot know which names the code uses.",
        "Avoid these in code you want optimized.",
    ),
    Code.REBOUND: Explanation(
        "left alone: the name is bound more than once (or too late)",
        "The function is defined more than once, assigned elsewhere, or defined below the "
        "place that uses it, so astc cannot tell which definition a call reaches.",
        "Define each function once, above its first use at import time.",
    ),
    Code.UNSUPPORTED_BODY: Explanation(
        "not inlined: the body is too complex",
        "The function returns from several places, uses try/with/match, or is too large; "
        "astc inlines only simple bodies.",
        "Nothing to do; the call stays a call.",
    ),
    Code.UNSUPPORTED_CALL: Explanation(
        "not inlined: the call's arguments do not match simply",
        "The call uses keyword, starred or missing arguments in a way astc does not map onto "
        "the parameters.",
        "Pass the arguments positionally if you want the call inlined.",
    ),
    Code.NON_CONSTANT_DEFAULT: Explanation(
        "not inlined: a default value is not a literal",
        "A default is evaluated once, when the `def` runs; pasting it into the caller would "
        "evaluate it again at every call.",
        "Nothing to do; the call stays a call.",
    ),
    Code.NAME_CLASH: Explanation(
        "not inlined: a name would mean something else in the caller",
        "The function reads a global that is a local variable of the caller.",
        "Rename the local variable if you want the call inlined.",
    ),
    Code.OPAQUE_CALL: Explanation(
        "not inlined: other code could replace the function first",
        "The caller also calls code astc does not see, which could rebind the inlined "
        "function after the guard was checked.",
        "--assume-stable lifts this if nothing rebinds module functions.",
    ),
    Code.SIDE_EFFECT: Explanation(
        "left alone: the code has side effects",
        "Moving or removing it would change what the program does.",
        "Nothing to do.",
    ),
    Code.NOT_FOLDABLE: Explanation(
        "not computed at compile time",
        "The call does something astc's evaluator does not run at compile time (I/O, an "
        "unknown function, an unsupported operation), or runs past the step budget.",
        "Nothing to do; --fold-step-budget N allows longer evaluations.",
    ),
    Code.FOLD_RAISES: Explanation(
        "not computed: it raises",
        "Evaluating it raises an exception; the exception must happen at run time, as written.",
        "Check whether the code is right: it raises whenever it runs.",
    ),
    Code.LIMIT_EXCEEDED: Explanation(
        "not computed: the result would be too large",
        "The value exceeds the sizes CPython itself folds (big ints, long strings, large "
        "collections), so writing it out would bloat the module.",
        "Nothing to do.",
    ),
    Code.CHANGES_SCOPE: Explanation(
        "not removed: removing it would change scopes",
        "Unreachable code that binds names or contains `yield` still decides which names are "
        "local and whether a function is a generator.",
        "Nothing to do.",
    ),
    Code.ROUND_TRIP: Explanation(
        "left unchanged: the statement cannot be reproduced exactly",
        "LibCST could not write this statement back byte for byte, so astc does not touch it.",
        "Nothing to do.",
    ),
    Code.ITERATION_LIMIT: Explanation(
        "stopped early: no fixed point",
        "The passes kept finding work after --max-iterations rounds; the result so far is kept.",
        "Raise --max-iterations if you want astc to keep going.",
    ),
    Code.TOO_DEEP: Explanation(
        "left alone: nested too deeply",
        "An expression or block is nested deeper than astc's rewriter can follow even with "
        "its deepest stack; astc leaves the module as it is (Python compiles it unchanged).",
        "Nothing to do; splitting the expression lets astc optimize it.",
    ),
    Code.NOT_STABLE: Explanation(
        "assume-stable not applied to this module",
        "The module reaches module objects (sys.modules, import __main__, importlib, "
        "__globals__, f_globals, an import of its own name), so it "
        "may rebind its own globals in ways astc cannot see; --assume-stable promises only "
        "that other modules do not. astc compiles it as without the option: every inlined "
        "or folded call keeps its guard.",
        "Nothing to do; the output is correct either way.",
    ),
    Code.CLASS_SCOPE: Explanation(
        "left alone: code in a class body",
        "Names in a class body follow different scoping rules; astc does not move code there.",
        "Nothing to do.",
    ),
    Code.KERNEL_REFUSED: Explanation(
        "not a Numba kernel: not a plain top-level def",
        "Only a top-level, undecorated, non-generator def bound once in the module can be "
        "handed to Numba (other decorators, a generator, global/nonlocal names, a name bound "
        "twice).",
        "The message says which; move the code into a plain function if you want a kernel.",
    ),
    Code.KERNEL_CALL: Explanation(
        "not inlined: the callee is a Numba kernel",
        "Callers keep calling the kernel instead of pasting its body, which Numba compiles.",
        "Nothing to do.",
    ),
    Code.KERNEL_NO_WORK: Explanation(
        "not a Numba kernel: nothing for Numba to speed up",
        "The function has no loop and no whole-array work for any argument kind it is exact "
        "for (e.g. only shapes or scalars), or it does not name NumPy (`a + b`: most likely "
        "called with scalars): entering Numba would cost more than it saves.",
        "Nothing to do; `@astc.kernel` forces a kernel.",
    ),
    Code.KERNEL_NOT_HOT: Explanation(
        "not a Numba kernel: not hot in the profile",
        "In profile mode only functions that took a noticeable share of the profiled run "
        "become kernels.",
        "Profile a run that exercises the function, or mark it with `@astc.kernel`.",
    ),
    Code.KERNEL_UNSUPPORTED: Explanation(
        "not a Numba kernel: a construct astc does not hand to Numba",
        "The function uses something outside the subset astc can prove Numba runs exactly "
        "like CPython (lists and dicts, strings, arbitrary objects, advanced indexing...). "
        "The message names the construct and its line.",
        "Rewrite that part with arrays and numbers, or keep the function plain.",
    ),
    Code.KERNEL_INT_RANGE: Explanation(
        "not a Numba kernel: Python ints might leave int64",
        "Python ints never overflow; Numba's wrap at 64 bits. astc could not bound this "
        "arithmetic from literals, loop ranges and sizes, and could not check it as the "
        "kernel runs either: run-time checks of `+ - *` and unary `-` (on overflow the "
        "plain function runs from the start) need a kernel that stores nothing, and other "
        "operations (`**`, `<<`, an int compared with a float) have no checked form.",
        "Use NumPy integers (which wrap in NumPy too) or smaller steps, move the stores "
        "out of the function that grows the int, or keep it plain.",
    ),
    Code.KERNEL_MIXED_TYPES: Explanation(
        "not a Numba kernel: a name holds values of different types",
        "Numba gives each variable one type; here a name (or a return) holds an int on one "
        "path and a float on another, which Numba would unify and CPython would not.",
        "Use one type per variable (for example `x = 0.0` instead of `x = 0`).",
    ),
    Code.KERNEL_INEXACT_FUNCTION: Explanation(
        "not a Numba kernel: Numba computes a library function differently",
        "A NumPy or math function used here gives a different result or result type under "
        "Numba for these arguments (docs/kernels.md lists them).",
        "Keep the function plain, or mark it with `@astc.kernel` if Numba's result is fine.",
    ),
    Code.KERNEL_INEXACT_OPERATION: Explanation(
        "not a Numba kernel: an operator would give another result",
        "An operator's NumPy 2 result type or value (promotion of weak Python scalars, "
        "int powers, stores into arrays of another kind, int() of a float) differs from "
        "what Numba computes.",
        "Make the types explicit (for example `np.float64(x)`), or keep the function plain.",
    ),
    Code.KERNEL_GLOBAL: Explanation(
        "not a Numba kernel: it reads a module global",
        "Numba freezes module globals when it compiles; CPython reads their current value. "
        "Only stable functions, number constants and NumPy/math names are accepted.",
        "Pass the value as an argument.",
    ),
    Code.KERNEL_LISTS: Explanation(
        "not a Numba kernel: the arguments are probably lists",
        "The function indexes its parameters but shows no sign of NumPy; Numba would only "
        "hand lists back to the plain function.",
        "Pass NumPy arrays (and use a NumPy name in the function), or mark it explicitly.",
    ),
    Code.KERNEL_CALLEE: Explanation(
        "not a Numba kernel: it calls a function that cannot be compiled with it",
        "Module functions a kernel calls are compiled together with it; this one is "
        "recursive, decorated, a generator, takes *args, or has a default that is not a "
        "number.",
        "Simplify the callee, or keep the caller plain.",
    ),
    Code.KERNEL_NO_PRANGE: Explanation(
        "parallel kernel: a loop stays sequential",
        "With parallel=True only loops whose iterations are provably independent become "
        "prange loops; this one is not.",
        "The message says why; nothing to do if the loop is inherently sequential.",
    ),
    Code.KERNEL_NO_CUDA: Explanation(
        "no CUDA form: runs as a CPU kernel",
        "With target=\"cuda\" astc needs an element-wise loop or a simple reduction to write "
        "a CUDA kernel; this function has neither, so it runs on the CPU.",
        "See docs/kernels.md for the CUDA forms astc writes.",
    ),
    Code.KERNEL_MARKER: Explanation(
        "kernel configuration problem",
        "An `@astc.kernel(...)` option, the `[tool.astc.kernels]` table or the profile file "
        "could not be used.",
        "Fix the option the message names.",
    ),
    Code.HYBRID_REFUSED: Explanation(
        "not hybridized",
        "astc.hybridize could not specialize the model or function; the original runs.",
        "The message says why (see docs/hybrid.md).",
    ),
    Code.HYBRID_NO_KERNEL: Explanation(
        "hybridized without a Numba kernel",
        "The fused NumPy function runs, but no Numba kernel could be built for it.",
        "The message says why (see docs/hybrid.md).",
    ),
}


def explain_code(code: Code) -> str:
    """``ASTC201 (RECURSIVE): not inlined: ...`` and the explanation, for ``astc codes``."""
    entry = EXPLANATIONS[code]
    return (
        f"{code.value} ({code.name.lower()}): {entry.title}\n"
        f"  {entry.meaning}\n"
        f"  What to do: {entry.action}"
    )
