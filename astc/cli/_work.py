"""Compiling one file (in a worker process) and running many in a process pool.

A :class:`Job` says what to compile and what to do with the result; :func:`run_job` never
raises: any failure (syntax error, unreadable source, unwritable output, ``--verify``
finding, even a compiler crash) becomes an :class:`Outcome` with status ``failed``, so one
bad file never stops the others. Outputs are written atomically, so a failure never leaves
half a file. :func:`run_jobs` returns outcomes in job order, whatever order workers finish.
"""

from __future__ import annotations

import difflib
import io
import tokenize
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from astc.cli._cache import Entry, Stamp, file_sha256
from astc.cli._shared import _write_atomic
from astc.diagnostics import Code, CompileResult, Diagnostic
from astc.options import Options

COMPILED = "compiled"  # output written, or (without writing) it would be
UNCHANGED = "unchanged"  # output already up to date
FAILED = "failed"

#: How applied transformations are counted in per-file lines, by code name.
_LABELS = {
    "INLINED": "inlined",
    "CALL_FOLDED": "folded",
    "CONSTANT_FOLDED": "folded",
    "PROPAGATED": "propagated",
    "DEAD_CODE_REMOVED": "removed",
    "GUARDED": "guarded",
}


@dataclass(frozen=True)
class Job:
    """One file to compile. ``output`` None: the code goes back to the caller (stdin)."""

    index: int
    source: str  # the path as the user gave it (used in messages)
    output: str | None
    text: str | None = None  # the source text, for standard input
    write: bool = True
    diff: bool = False
    in_place: bool = False
    verify: bool = False


@dataclass
class Outcome:
    """What happened to one job."""

    index: int
    source: str
    output: str | None
    status: str
    counts: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    diff: str | None = None
    code: str | None = None
    entry: Entry | None = None  # for the cache; None when nothing may be cached


def count_applied(result: CompileResult) -> dict[str, int]:
    """Applied transformations by label (``inlined``, ``folded``, ``kernel``...), in order."""
    counts: dict[str, int] = {}
    for entry in result.report.applied:
        name = entry.code.name
        label = "kernel" if "KERNEL" in name else _LABELS.get(name, entry.pass_name)
        counts[label] = counts.get(label, 0) + 1
    return counts


def encode_like_source(code: str) -> bytes:
    """The compiled text in the encoding its (kept) coding cookie declares, else UTF-8."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(code.encode("utf-8")).readline)
    except SyntaxError:
        encoding = "utf-8"
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    try:
        return code.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return code.encode("utf-8", "surrogatepass")


def unified_diff(source: str, code: str, a: str, b: str) -> str:
    lines = difflib.unified_diff(
        source.splitlines(keepends=True),
        code.splitlines(keepends=True),
        fromfile=f"{a}\t(source)",
        tofile=f"{b}\t(compiled)",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


_options: Options | None = None


def init_worker(options: Options) -> None:
    """Process-pool initializer: every job of this run uses ``options``."""
    global _options
    _options = options


def run_job(job: Job) -> Outcome:
    """Compile ``job.source`` and act on the result; never raises."""
    try:
        return _run(job, _options or Options())
    except Exception as error:  # noqa: BLE001 - a compiler crash fails this file only
        message = f"internal error: {type(error).__name__}: {error}"
        return _failed(job, message, Code.INTERNAL_ERROR)


def _failed(job: Job, message: str, code: Code) -> Outcome:
    diag = Diagnostic(job.source, 0, 0, message, code)
    return Outcome(job.index, job.source, job.output, FAILED, diagnostics=[diag])


def _run(job: Job, options: Options) -> Outcome:
    from astc.api import compile_file, compile_source  # workers import the compiler lazily

    stamp = Stamp.of(Path(job.source)) if job.text is None else None
    if job.text is None:
        result = compile_file(job.source, options=options)
    else:
        result = compile_source(job.text, filename=job.source, options=options)
    if result.code is None:
        return Outcome(job.index, job.source, job.output, FAILED, diagnostics=result.diagnostics)
    if job.verify:
        from astc.cli._verify import verify

        problem = verify(result.source, result.code, job.source, options)
        if problem is not None:
            return _failed(job, problem, Code.VERIFY_FAILED)
    counts = count_applied(result)
    outcome = Outcome(job.index, job.source, job.output, COMPILED, counts)
    if job.diff and result.changed:
        outcome.diff = unified_diff(
            result.source, result.code, job.source, job.output or job.source
        )
    if job.output is None:
        outcome.code = result.code
        return outcome
    output = Path(job.output)
    if job.in_place and not result.changed:
        outcome.status = UNCHANGED  # nothing to do; the source stays as it is
    else:
        expected = encode_like_source(result.code)
        try:
            existing: bytes | None = output.read_bytes()
        except OSError:
            existing = None
        if existing == expected:
            outcome.status = UNCHANGED
        elif job.write:
            try:
                _write_atomic(output, expected)
            except OSError as error:
                reason = error.strerror or str(error)
                return _failed(job, f"cannot write {output}: {reason}", Code.WRITE_ERROR)
    if job.text is None and (job.write or outcome.status == UNCHANGED):
        rewrote_source = job.in_place and outcome.status == COMPILED
        outcome.entry = _cache_entry(job, stamp, rewrote_source, counts)
    return outcome


def _cache_entry(
    job: Job, stamp: Stamp | None, rewrote_source: bool, counts: dict[str, int]
) -> Entry | None:
    """The cache entry for a job whose output is now up to date (None if unsure)."""
    source, output = Path(job.source), Path(job.output or job.source)
    now = Stamp.of(source)
    if now != stamp and not rewrote_source:
        return None  # the source changed while it was being compiled
    digest, out_stamp = file_sha256(source), Stamp.of(output)
    if now is None or out_stamp is None or digest is None:
        return None
    return Entry(now, digest, str(output.resolve()), out_stamp, counts)


def run_jobs(
    jobs: Sequence[Job],
    options: Options,
    workers: int,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
    weight: Callable[[Job], int] = lambda job: 0,
) -> list[Outcome]:
    """Run ``jobs`` (in ``workers`` processes when more than one), outcomes in job order.

    ``on_done`` is called in the parent as each job finishes (progress); jobs are handed out
    heaviest first (``weight``) so one big file does not finish the run alone.
    """
    if workers <= 1 or len(jobs) <= 1:
        init_worker(options)
        outcomes = []
        for job in jobs:
            outcomes.append(run_job(job))
            on_done(outcomes[-1])
        return outcomes
    results: dict[int, Outcome] = {}
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)), initializer=init_worker, initargs=(options,)
    ) as pool:
        futures: dict[Future[Outcome], Job] = {
            pool.submit(run_job, job): job for job in sorted(jobs, key=weight, reverse=True)
        }
        for future in as_completed(futures):
            job = futures[future]
            try:
                outcome = future.result()
            except BrokenProcessPool as error:  # a worker was killed (memory, signal)
                outcome = _failed(job, f"worker process died: {error}", Code.INTERNAL_ERROR)
            results[job.index] = outcome
            on_done(outcome)
    return [results[job.index] for job in jobs]
