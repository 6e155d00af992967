"""Compiling one file (in a worker process) and running many in a process pool.

A :class:`Job` says what to compile and what to do with the result; :func:`run_job` never
raises: any failure (syntax error, unreadable source, unwritable output, an output that
cannot be encoded in the source's encoding, a ``--verify`` finding, even a compiler crash)
becomes an :class:`Outcome` with status :attr:`Status.FAILED`, so one bad file never stops
the others. Outputs are written atomically (:func:`astc._fs.write_atomic`) in the encoding
the source declares, with the source's permission bits, so a failure or an interrupt never
leaves half a file. :func:`run_jobs` returns outcomes in job order, whatever order workers
finish in; Ctrl-C stops it (:class:`Interrupted`) after the files being compiled at that
moment are finished, and no new one is started.
"""

from __future__ import annotations

import difflib
import enum
import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from astc._fs import file_mode, write_atomic
from astc.cli._cache import Entry, Stamp, file_sha256
from astc.diagnostics import Code, CompileError, CompileResult, Diagnostic
from astc.options import Options
from astc.passes import registry


class Status(enum.StrEnum):
    """What happened to one file (the JSON output's ``status``)."""

    COMPILED = "compiled"  # the output was written (in place: the source was replaced)
    STALE = "stale"  # --check/--diff: the output would be written (missing, stale, or changes)
    UNCHANGED = "unchanged"  # nothing to write: the output is already what astc writes
    FAILED = "failed"  # nothing written; the diagnostics say why


def labels() -> dict[tuple[str, Code], str]:
    """How applied transformations are counted in per-file lines: by pass and code, the
    words the passes declare (:attr:`astc.passes.base.Pass.applied`)."""
    return {(p.name, code): label for p in registry.load() for code, label in p.applied.items()}


@dataclass(frozen=True)
class Job:
    """One file to compile. ``output`` None: the code goes back to the caller (stdin).

    ``write`` False is a dry run: with ``check`` the status says whether the output is stale,
    without it (``--diff`` alone) whether astc changes the source.
    """

    index: int
    source: str  # the path as the user gave it (used in messages)
    output: str | None
    data: bytes | None = None  # the source's bytes, for standard input
    write: bool = True
    check: bool = False
    diff: bool = False
    in_place: bool = False
    backup: bool = True
    verify: bool = False


@dataclass
class Outcome:
    """What happened to one job."""

    index: int
    source: str
    output: str | None
    status: Status
    counts: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    diff: str | None = None
    code: bytes | None = None  # the compiled module, for standard output
    entry: Entry | None = None  # for the cache; None when nothing may be cached


class Interrupted(Exception):
    """Ctrl-C stopped :func:`run_jobs`; ``done`` are the outcomes of the jobs that finished."""

    def __init__(self, done: list[Outcome]) -> None:
        super().__init__(f"interrupted after {len(done)} file(s)")
        self.done = done


def count_applied(result: CompileResult) -> dict[str, int]:
    """Applied transformations by label (``inlined``, ``folded``, ``kernel``...), in order."""
    counts: dict[str, int] = {}
    words = labels() if result.report.applied else {}
    for entry in result.report.applied:
        name = entry.code.name
        label = "kernel" if "KERNEL" in name else words.get((entry.pass_name, entry.code))
        label = label or entry.pass_name
        counts[label] = counts.get(label, 0) + 1
    return counts


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


def in_place_note(source: str, backup: bool) -> str:
    """The header's note for a source compiled in place (it is the file to edit now)."""
    if backup:
        return f"Compiled in place; the source before astc is in {Path(source).name}.orig."
    return "Compiled in place."


_options: Options | None = None
_stop: Any = None  # a multiprocessing Event in pool workers: set when the run is interrupted


def init_worker(options: Options, stop: Any = None) -> None:
    """Process-pool initializer: every job of this run uses ``options``.

    In a worker, Ctrl-C is the parent's business (it reaches the whole process group): the
    worker ignores it and finishes the file it is compiling; ``stop`` tells it to start none.
    """
    global _options, _stop
    _options, _stop = options, stop
    if stop is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_job(job: Job) -> Outcome | None:
    """Compile ``job.source`` and act on the result; never raises. None: the run was stopped."""
    if _stop is not None and _stop.is_set():
        return None
    try:
        return _run(job, _options or Options())
    except Exception as error:  # noqa: BLE001 - a compiler crash fails this file only
        message = f"internal error: {type(error).__name__}: {error}"
        return _failed(job, message, Code.INTERNAL_ERROR)


def encode_output(code: str, encoding: str, filename: str) -> bytes:
    """The compiled module as bytes in the source's declared ``encoding``.

    Raises :class:`CompileError` (``ASTC004``) when a character has no form in it: the
    output is then not written at all (never written in another encoding than it declares).
    """
    from astc.frontend.source import encode_source

    try:
        return encode_source(code, encoding)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        message = (
            f"the compiled module cannot be written in {encoding}, the encoding the source "
            f"declares: it contains {bad!r}; nothing written"
        )
        raise CompileError(Diagnostic(filename, 0, 0, message, Code.WRITE_ERROR)) from None


def _failed(job: Job, message: str, code: Code) -> Outcome:
    diag = Diagnostic(job.source, 0, 0, message, code)
    return Outcome(job.index, job.source, job.output, Status.FAILED, diagnostics=[diag])


def _read(job: Job) -> tuple[str, str]:
    """The source's text and declared encoding; :class:`CompileError` when unreadable."""
    from astc.api import read_source
    from astc.frontend.source import declared_encoding, decode_source

    if job.data is None:
        return read_source(job.source)
    try:
        return decode_source(job.data), declared_encoding(job.data)
    except (UnicodeDecodeError, SyntaxError, LookupError) as error:
        diag = Diagnostic(job.source, 0, 0, f"cannot read: {error}", Code.READ_ERROR)
        raise CompileError(diag) from None


def _run(job: Job, options: Options) -> Outcome:
    from astc.api import compile_source  # workers import the compiler lazily
    from astc.frontend.source import retitle

    stamp = Stamp.of(Path(job.source)) if job.data is None else None
    try:
        source, encoding = _read(job)
    except CompileError as error:
        return Outcome(
            job.index, job.source, job.output, Status.FAILED, diagnostics=[error.diagnostic]
        )
    result = compile_source(source, filename=job.source, options=options)
    if result.code is None:
        return Outcome(
            job.index, job.source, job.output, Status.FAILED, diagnostics=result.diagnostics
        )
    if job.verify:
        from astc.cli._verify import verify

        problem = verify(result.source, result.code, job.source, options)
        if problem is not None:
            return _failed(job, problem, Code.VERIFY_FAILED)
    code = result.code
    if job.in_place and result.changed:
        code = retitle(code, in_place_note(job.source, job.backup))
    try:
        expected = encode_output(code, encoding, job.source)
    except CompileError as error:
        return Outcome(
            job.index, job.source, job.output, Status.FAILED, diagnostics=[error.diagnostic]
        )
    counts = count_applied(result)
    outcome = Outcome(job.index, job.source, job.output, Status.COMPILED, counts)
    if job.diff and result.changed:
        outcome.diff = unified_diff(result.source, code, job.source, job.output or job.source)
    if job.output is None:
        outcome.code = expected
        return outcome
    output = Path(job.output)
    try:
        existing: bytes | None = output.read_bytes()
    except OSError:
        existing = None
    if job.in_place and not result.changed:
        outcome.status = Status.UNCHANGED  # nothing to do; the source stays as it is
    elif not job.write:
        stale = existing != expected if job.check else result.changed
        outcome.status = Status.STALE if stale else Status.UNCHANGED
    elif existing == expected:
        outcome.status = Status.UNCHANGED
    else:
        problem = _write(job, output, expected, stamp)
        if problem is not None:
            return _failed(job, problem, Code.WRITE_ERROR)
    if job.data is None and (job.write or outcome.status is Status.UNCHANGED):
        rewrote_source = job.in_place and outcome.status is Status.COMPILED
        outcome.entry = _cache_entry(job, stamp, rewrote_source, counts)
    return outcome


def _write(job: Job, output: Path, data: bytes, stamp: Stamp | None) -> str | None:
    """Write one output (in place: after the backup); the problem, or None when written."""
    source = Path(job.source)
    try:
        if job.in_place:
            if Stamp.of(source) != stamp:
                return f"{source} changed while it was being compiled; not replaced"
            if job.backup:
                write_atomic(Path(f"{source}.orig"), source.read_bytes())
            write_atomic(output, data)
        else:
            write_atomic(output, data, mode=file_mode(source))
    except OSError as error:
        reason = error.strerror or str(error)
        return f"cannot write {getattr(error, 'filename', None) or output}: {reason}"
    return None


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
    heaviest first (``weight``) so one big file does not finish the run alone. Ctrl-C raises
    :class:`Interrupted` once the files being compiled are done (a second Ctrl-C stops the
    workers at once; every file is still whole, written or not).
    """
    done: list[Outcome] = []

    def finished(outcome: Outcome | None) -> None:
        if outcome is not None:
            done.append(outcome)
            on_done(outcome)

    if workers <= 1 or len(jobs) <= 1:
        init_worker(options)
        try:
            for job in jobs:
                finished(run_job(job))
        except KeyboardInterrupt:
            raise Interrupted(done) from None
        return done
    context = multiprocessing.get_context()
    stop = context.Event()
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        mp_context=context,
        initializer=init_worker,
        initargs=(options, stop),
    ) as pool:
        futures: dict[Future[Outcome | None], Job] = {}
        try:
            for job in sorted(jobs, key=weight, reverse=True):
                futures[pool.submit(run_job, job)] = job
            for future in as_completed(futures):
                finished(_result(future, futures[future]))
        except KeyboardInterrupt:
            stop.set()
            for future in futures:
                future.cancel()
            seen = {o.index for o in done}
            try:
                for future in as_completed(futures):
                    if not future.cancelled() and futures[future].index not in seen:
                        finished(_result(future, futures[future]))
            except KeyboardInterrupt:
                for process in list(pool._processes.values()):  # a second Ctrl-C: stop now
                    process.terminate()
            raise Interrupted(done) from None
    by_index = {o.index: o for o in done}
    return [by_index[job.index] for job in jobs]


def _result(future: Future[Outcome | None], job: Job) -> Outcome | None:
    try:
        return future.result()
    except BrokenProcessPool as error:  # a worker was killed (memory, signal)
        return _failed(job, f"worker process died: {error}", Code.INTERNAL_ERROR)
