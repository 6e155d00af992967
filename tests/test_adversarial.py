"""The adversarial corpus: programs that must behave the same plain and compiled.

Every ``*.py`` in ``tests/adversarial/`` (except ``mod_*.py`` helper modules) is a small
self-contained program aimed at one assumption a pass relies on; its first line says which
(``# assumption: ...``). The reported miscompiles of ``../shared/bugs/`` are copied, with
their names, into ``tests/adversarial/bugs/`` and run the same way.

For each program and mode the test

1. runs the program plain, with ``sys.executable``, in a subprocess whose working directory
   is a temporary copy of the program's directory (so ``mod_*.py`` helpers import);
2. compiles it with :func:`astc.compile_file` in-process (in the mode's options), writes the
   output in the encoding its coding cookie declares (a compiled text that cannot be written
   in it is a failure) into another temporary copy, under the program's own name, and runs it
   the same way, with the same ``PYTHONHASHSEED``;
3. compares exit status, stdout and stderr. Both are normalised first: the temporary
   directories become ``<DIR>``, object addresses ``0x…``, astc's header line is dropped; a
   traceback is reduced to its exception lines (type and message: an inlined call has one
   frame less, which docs/semantics.md allows), a warning to ``Category: message`` (its
   position and echoed source line go), and the "Did you mean" hint of a ``NameError``
   (which depends on frame locals, another documented difference) is removed;
4. checks that the compiled output compiles under ``-W error`` (no new ``SyntaxWarning``)
   wherever the original does.

Modes: ``default`` (no options), ``stable`` (``assume_stable``), ``kernels``
(``kernels="auto"``). A corpus program runs in all three unless a ``# modes: ...`` line among
its first lines names fewer. To keep the run short, the ``kernels`` mode is skipped for
programs with neither a ``for``/``while`` loop nor a mention of NumPy: automatic kernel
selection only picks a function with a loop, or a loop-less one that names NumPy
(docs/kernels.md), so for those programs ``kernels`` compiles exactly what ``default``
does. A reproducer runs in the mode of its ``# mode:`` line and also in ``default``.
The hybrid reproducer (``# mode: hybrid``) compares eager NumPy against ``astc.hybridize``
itself: its plain run must exit 0 (mode ``selfcheck``).

A program whose outcome depends on the hash seed at *compile* time names the seeds on a
``# hashseeds: 0 2`` line (``k08`` has them in :data:`HASHSEEDS`): it is then compiled by the
CLI in a subprocess under each seed, and run under the same seed. All other programs are
compiled in this process and run with ``PYTHONHASHSEED=0``.

Subprocesses run two at a time (a thread pool started once for all selected tests); the
whole file takes about a minute on two cores.
"""

from __future__ import annotations

import ast
import io
import os
import re
import shutil
import subprocess
import sys
import threading
import tokenize
import warnings
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

import astc

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "adversarial"
BUGS = CORPUS / "bugs"

#: The options of each mode (the CLI flags, for programs compiled in a subprocess).
MODES: dict[str, tuple[astc.Options, tuple[str, ...]]] = {
    "default": (astc.Options(), ()),
    "stable": (astc.Options(assume_stable=True), ("--assume-stable",)),
    "kernels": (astc.Options(kernels="auto"), ("--kernels", "auto")),
}
#: Reproducers whose kernel decision must not depend on the compiling process's hash seed.
HASHSEEDS = {"k08_hashseed_helper_check.py": ("0", "2")}
#: Programs that check themselves: the plain run must exit 0.
SELF_CHECKING = {"h01_hybrid_helper_dtype.py"}
WORKERS = 2
TIMEOUT = 180

_HEADER = re.compile(
    r"# Compiled by astc \S+ from sha256:[0-9a-f]{64}\. Edit the source, not this file\."
)
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{4,}")
_WARNING = re.compile(r"^.*?:\d+: ([A-Za-z_]\w*(?:Warning|Error)): (.*)$")
_DID_YOU_MEAN = re.compile(r"\. Did you mean: '[^']*'\?$")


@dataclass(frozen=True)
class Case:
    """One program run in one mode (``selfcheck``: only the plain run, which must exit 0)."""

    path: Path
    mode: str
    seeds: tuple[str, ...] = ("0",)

    @property
    def id(self) -> str:
        name = self.path.relative_to(CORPUS).with_suffix("").as_posix()
        return f"{name}[{self.mode}]"


@dataclass(frozen=True)
class Outcome:
    """What one run showed, normalised for comparison."""

    status: int | str
    stdout: str
    stderr: tuple[str, ...]

    def show(self) -> str:
        err = "\n      ".join(self.stderr) or "(empty)"
        return f"exit {self.status}\n    stdout: {self.stdout!r:.600}\n    stderr: {err}"


def _head(path: Path, count: int = 4) -> list[str]:
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    return data.decode("latin-1").splitlines()[:count]


def _directive(path: Path, key: str) -> list[str] | None:
    for line in _head(path):
        match = re.match(rf"#\s*{key}:\s*(.*)$", line)
        if match:
            return match.group(1).split()
    return None


def _may_have_kernel(path: Path) -> bool:
    """Whether automatic kernel selection could pick a function of the program."""
    data = path.read_bytes()
    if b"numpy" in data:  # a loop-less function naming NumPy may become a measured kernel
        return True
    tree = ast.parse(data)
    return any(isinstance(node, ast.For | ast.While | ast.AsyncFor) for node in ast.walk(tree))


def _programs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("mod_"))


def corpus_cases() -> list[Case]:
    cases = []
    for path in _programs(CORPUS):
        modes = _directive(path, "modes") or list(MODES)
        unknown = set(modes) - set(MODES)
        assert not unknown, f"{path.name}: unknown modes {unknown}"
        seeds = tuple(_directive(path, "hashseeds") or ("0",))
        for mode in modes:
            if mode == "kernels" and not _may_have_kernel(path):
                continue
            cases.append(Case(path, mode, seeds))
    return cases


def bug_cases() -> list[Case]:
    cases = []
    for path in _programs(BUGS):
        first = _head(path, 1)[0]
        mode = first.split("mode:", 1)[1].split()[0] if "mode:" in first else "default"
        seeds = HASHSEEDS.get(path.name, ("0",))
        if path.name in SELF_CHECKING:
            mode = "selfcheck"
        cases.append(Case(path, mode, seeds))
        if mode != "default":
            cases.append(Case(path, "default", seeds))
    return cases


CASES = corpus_cases() + bug_cases()


# -- running ---------------------------------------------------------------------------


def _environment(seed: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONIOENCODING"] = "utf-8"
    for name in ("ASTC_DISABLE", "ASTC_VERIFY_KERNELS", "PYTHONWARNINGS", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


def _stage(path: Path, work: Path, program: bytes) -> Path:
    """A copy of the program's directory (its helper modules) with ``program`` in it."""
    work.mkdir(parents=True)
    for helper in path.parent.glob("mod_*.py"):
        shutil.copy(helper, work / helper.name)
    (work / path.name).write_bytes(program)
    return work / path.name


def _normalise_text(text: str, work: Path) -> str:
    text = text.replace(str(work), "<DIR>")
    text = _ADDRESS.sub("0x…", text)
    return "".join(line for line in text.splitlines(keepends=True) if not _HEADER.match(line))


def _stderr_lines(text: str) -> tuple[str, ...]:
    """Exception lines of tracebacks, warnings as ``Category: message``, other lines as is."""
    out: list[str] = []
    skipping = False  # inside a traceback / echoed source after a warning
    for line in text.splitlines():
        if line.startswith("Traceback (most recent call last):") or re.match(r'\s+File "', line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        warning = _WARNING.match(line)
        if warning:
            out.append(f"{warning.group(1)}: {warning.group(2)}")
            skipping = True  # the source line the warning echoes
            continue
        out.append(_DID_YOU_MEAN.sub("", line))
    return tuple(out)


def run_program(program: Path, seed: str) -> Outcome:
    env = _environment(seed)
    try:
        proc = subprocess.run(
            [sys.executable, program.name],
            cwd=program.parent,
            env=env,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return Outcome("timeout", "", ())
    stdout = proc.stdout.decode("utf-8", "backslashreplace")
    stderr = proc.stderr.decode("utf-8", "backslashreplace")
    return Outcome(
        proc.returncode,
        _normalise_text(stdout, program.parent),
        _stderr_lines(_normalise_text(stderr, program.parent)),
    )


# -- compiling -------------------------------------------------------------------------

_LOCK = threading.Lock()  # compile_file and the warnings filters are process-global state


def declared_encoding(code: str) -> str:
    """The encoding Python reads this text in: its coding cookie's, else UTF-8."""
    head = "".join(code.splitlines(keepends=True)[:2]).encode("utf-8", "surrogatepass")
    encoding, _ = tokenize.detect_encoding(io.BytesIO(head).readline)
    return "utf-8" if encoding == "utf-8-sig" else encoding


def compile_in_process(path: Path, mode: str) -> bytes | str:
    """The compiled program as bytes, or why there is none."""
    with _LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = astc.compile_file(path, options=MODES[mode][0])
        except Exception as error:  # noqa: BLE001 - a crash of the compiler is the finding
            return f"astc raised {type(error).__name__}: {error}"
    if result.code is None:
        return "astc gave no code: " + "; ".join(d.format() for d in result.diagnostics)
    encoding = declared_encoding(result.code)
    try:
        return result.code.encode(encoding)
    except UnicodeEncodeError as error:
        return f"compiled text cannot be written in its declared encoding {encoding}: {error}"


def compile_in_subprocess(path: Path, mode: str, seed: str) -> bytes | str:
    """``astc show`` under a given hash seed (for decisions that could depend on it)."""
    proc = subprocess.run(
        [sys.executable, "-m", "astc", "show", "--no-report", *MODES[mode][1], str(path)],
        env=_environment(seed),
        capture_output=True,
        timeout=TIMEOUT,
    )
    if proc.returncode != 0:
        return f"astc show exited {proc.returncode}: {proc.stderr.decode(errors='replace')}"
    return proc.stdout


def strict_compile_error(data: bytes, filename: str) -> str | None:
    """Why ``python -W error`` would not compile this text (None when it would)."""
    with _LOCK, warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(data, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, Warning) as error:
            return f"{type(error).__name__}: {error}"
    return None


# -- the pool --------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    problems: tuple[str, ...]


class Runner:
    """Runs cases in a small thread pool; plain runs are shared between modes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pool = ThreadPoolExecutor(max_workers=WORKERS)
        self.plain: dict[tuple[Path, str], Future[Outcome]] = {}
        self.verdicts: dict[Case, Future[Verdict]] = {}
        #: Runs of compiled texts by (program, text, seed): modes that compile a program to
        #: the same bytes run it once (same files, environment and seed: the same run).
        self.compiled_runs: dict[tuple[Path, bytes, str], Future[Outcome]] = {}
        self.compiled_lock = threading.Lock()

    def _work(self, case: Case, what: str) -> Path:
        return self.root / case.path.relative_to(CORPUS).with_suffix("") / what

    def _plain(self, case: Case, seed: str) -> Future[Outcome]:
        key = (case.path, seed)
        if key not in self.plain:
            program = _stage(case.path, self._work(case, f"plain-{seed}"), case.path.read_bytes())
            self.plain[key] = self.pool.submit(run_program, program, seed)
        return self.plain[key]

    def submit(self, case: Case) -> None:
        if case in self.verdicts:
            return
        plains = {seed: self._plain(case, seed) for seed in case.seeds}
        if case.mode == "selfcheck":
            self.verdicts[case] = self.pool.submit(self._selfcheck, plains)
        else:
            self.verdicts[case] = self.pool.submit(self._compiled, case, plains)

    @staticmethod
    def _selfcheck(plains: dict[str, Future[Outcome]]) -> Verdict:
        problems = []
        for seed, future in plains.items():
            outcome = future.result()
            if outcome.status != 0:
                problems.append(f"the self-check failed (seed {seed}):\n    {outcome.show()}")
        return Verdict(tuple(problems))

    def _compiled(self, case: Case, plains: dict[str, Future[Outcome]]) -> Verdict:
        problems: list[str] = []
        original = case.path.read_bytes()
        for seed in case.seeds:
            if len(case.seeds) == 1:
                code = compile_in_process(case.path, case.mode)
            else:
                code = compile_in_subprocess(case.path, case.mode, seed)
            if isinstance(code, str):
                problems.append(code)
                break
            program = _stage(case.path, self._work(case, f"{case.mode}-{seed}"), code)
            if strict_compile_error(original, case.path.name) is None:
                error = strict_compile_error(code, case.path.name)
                if error is not None:
                    problems.append(f"compiled output does not compile under -W error: {error}")
            want, got = plains[seed].result(), self._run_compiled(case.path, code, program, seed)
            if want != got:
                problems.append(
                    f"seed {seed}: behaves differently ({program})\n"
                    f"  plain:    {want.show()}\n  compiled: {got.show()}"
                )
        return Verdict(tuple(problems))

    def _run_compiled(self, path: Path, code: bytes, program: Path, seed: str) -> Outcome:
        key = (path, code, seed)
        with self.compiled_lock:
            known = self.compiled_runs.get(key)
            mine = known is None
            if known is None:
                known = self.compiled_runs[key] = Future()
        if mine:  # the first mode to get here runs it; the others wait for its outcome
            known.set_result(run_program(program, seed))
        return known.result()

    def result(self, case: Case) -> Verdict:
        self.submit(case)
        return self.verdicts[case].result()


@pytest.fixture(scope="session")
def runner(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """One pool for the session; every selected case is submitted up front."""
    pool = Runner(tmp_path_factory.mktemp("adversarial"))
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        case = callspec.params.get("case") if callspec is not None else None
        if isinstance(case, Case):
            pool.submit(case)
    yield pool
    pool.pool.shutdown(wait=False, cancel_futures=True)


def test_corpus_is_large_and_labelled() -> None:
    """At least 150 programs beyond the reproducers, each naming the assumption it attacks."""
    programs = _programs(CORPUS)
    assert len(programs) >= 150, len(programs)
    for path in programs:
        assert _head(path, 1)[0].startswith("# assumption: "), path.name
    copied = {p.name for p in BUGS.glob("*.py")}
    assert "mod_patcher.py" in copied and len(copied) >= 36, sorted(copied)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_program_behaves_the_same_compiled(case: Case, runner: Runner) -> None:
    """Plain and compiled runs agree on exit status, stdout and stderr; -W error still compiles."""
    verdict = runner.result(case)
    assert not verdict.problems, "\n".join(verdict.problems)
