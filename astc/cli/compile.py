"""``astc compile``: compile files and directories into an output tree (or in place).

The command layer only: choosing files (:mod:`astc.cli._files`), skipping up-to-date ones
(:mod:`astc.cli._cache`), compiling in a process pool (:mod:`astc.cli._work`) and telling
what happened (:mod:`astc.cli._report`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from astc._fs import cache_dir as default_cache_dir
from astc.cli._cache import Cache
from astc.cli._command import AstcCommand, loaded_config
from astc.cli._files import DEFAULT_EXCLUDES, Selection, choose_base, collect, package_base
from astc.cli._output import echo_message, set_color, use_color
from astc.cli._params import build_options, compiler_options
from astc.cli._report import Reporter
from astc.cli._shared import ExitCode, leave
from astc.cli._work import Interrupted, Job, Outcome, Status, run_jobs
from astc.config import cache_root
from astc.diagnostics import Code, Diagnostic, Level, format_message
from astc.options import Options

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Examples:
  astc compile src/                      compile into build/astc/ (cached)
  astc compile src/ -o dist/fast         another output directory
  astc compile --check src/              CI: exit 1 if an output is missing or stale
  astc compile --diff src/pkg/mod.py     show what would change, write nothing
  astc compile --in-place src/pkg/       replace sources (each kept as FILE.orig)
  astc compile - --stdin-filename m.py   stdin to stdout

\b
Exit codes: 0 ok; 1 --check found missing or stale output; 2 usage or configuration
error; 123 at least one file failed to compile (the others are still compiled);
130 interrupted.
"""


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_run_options = [
    click.argument("src", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=Path)),
    click.option(
        "-o",
        "--out-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Where compiled modules go, mirroring the tree below the project root "
        "(default: build/astc in the project root). Sources are never overwritten.",
    ),
    click.option(
        "--in-place",
        is_flag=True,
        help="Replace each source astc changes by its compiled form (the original is kept "
        "as FILE.orig).",
    ),
    click.option(
        "--backup/--no-backup",
        default=True,
        show_default=True,
        help="With --in-place, keep each replaced source as FILE.orig.",
    ),
    click.option(
        "--check",
        is_flag=True,
        help="Write nothing; exit 1 if any compiled output is missing or stale.",
    ),
    click.option(
        "--diff",
        is_flag=True,
        help="Write nothing; print a unified diff source -> compiled on stdout.",
    ),
    click.option(
        "--color/--no-color",
        default=None,
        help="Colour diffs and messages (default: on a terminal, unless NO_COLOR is set).",
    ),
    click.option(
        "--stdin-filename",
        metavar="PATH",
        help="The file name of the source read from stdin (SRC '-'), for messages and config.",
    ),
    click.option(
        "--include",
        multiple=True,
        default=("*.py",),
        show_default=True,
        help="Glob of files to compile inside directories (repeatable).",
    ),
    click.option(
        "--exclude",
        multiple=True,
        help="Glob of paths to skip inside directories (repeatable; replaces the defaults: "
        "build, dist, .venv, __pycache__, ...).",
    ),
    click.option(
        "--extend-exclude",
        multiple=True,
        help="Glob of paths to skip, in addition to --exclude (repeatable).",
    ),
    click.option(
        "--force-exclude",
        is_flag=True,
        help="Apply excludes and .gitignore to files named on the command line too.",
    ),
    click.option(
        "-W",
        "--workers",
        type=click.IntRange(min=1),
        help="Processes compiling in parallel (default: the CPUs available).",
    ),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="ASTC_CACHE_DIR",
        help="Cache directory (default: .astc_cache in the project root, else ~/.cache/astc; "
        "env ASTC_CACHE_DIR).",
    ),
    click.option("--no-cache", is_flag=True, help="Compile every file, ignoring the cache."),
    click.option(
        "--verify",
        is_flag=True,
        help="Check each output before writing it: it compiles (symbol table included) without "
        "warnings the source does not give, compiling it again leaves it unchanged, and it "
        "binds the same public names.",
    ),
    click.option(
        "--output-format",
        type=click.Choice(["human", "json", "github"]),
        default="human",
        show_default=True,
        help="github: workflow annotations on stdout.",
    ),
    click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
    click.option(
        "-v",
        "--verbose",
        is_flag=True,
        help="Also say which project root and configuration file are used, and list every file.",
    ),
]


def compile_options(fn: F) -> F:
    """Every option of ``astc compile`` (also shown by ``astc config``)."""
    fn = compiler_options(fn)
    for option in reversed(_run_options):
        fn = option(fn)
    return fn


def resolve_dirs(params: dict[str, Any], root: Path | None) -> tuple[Path, Path]:
    """The output and cache directories (defaults hang off the project root)."""
    out_dir = params.get("out_dir") or cache_root(root) / "build" / "astc"
    cache_dir = params.get("cache_dir") or default_cache_dir(root)
    return Path(out_dir), Path(cache_dir)


def cache_key(options: Options, verify: bool) -> str:
    return options.fingerprint() + ("-verify" if verify else "")


def check_out_dir(out_dir: Path, srcs: tuple[Path, ...], write: bool) -> None:
    """``click.UsageError`` for an output directory no output could go to.

    It must not be a file, nor a source directory or a directory holding a source (outputs
    would land among the sources and be compiled as sources by the next run); when the run
    writes, its nearest existing ancestor must be a writable directory.
    """
    out = out_dir.resolve()
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"--out-dir {out_dir}: not a directory")
    for src in srcs:
        if out == src.resolve() or src.resolve().is_relative_to(out):
            raise click.UsageError(
                f"--out-dir {out_dir}: holds the source {src}; outputs would mix with sources "
                "(choose a directory outside the sources, or use --in-place)"
            )
    if not write:
        return
    ancestor = out
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise click.UsageError(f"--out-dir {out_dir}: {ancestor} is not a directory")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise click.UsageError(f"--out-dir {out_dir}: {ancestor} is not writable")


@click.command("compile", cls=AstcCommand, epilog=EPILOG)
@compile_options
@click.pass_context
def compile_cmd(ctx: click.Context, /, **params: Any) -> None:
    """Compile SRC files and directories (recursively) into --out-dir.

    SRC '-' reads one module from stdin and prints the compiled module on stdout.
    Options can also be set in [tool.astc] of pyproject.toml, keys named like the long
    options (out-dir = "dist/astc").
    """
    set_color(params["color"])
    srcs: tuple[Path, ...] = params["src"]
    if not srcs:
        raise click.UsageError("no SRC given (files, directories, or '-' for stdin)")
    if "-" in map(str, srcs) and len(srcs) > 1:
        raise click.UsageError("'-' (stdin) cannot be combined with other SRC")
    if params["quiet"] and params["verbose"]:
        raise click.UsageError("-q/--quiet and -v/--verbose exclude each other")
    out_source = ctx.get_parameter_source("out_dir")
    if params["in_place"] and out_source is click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("--in-place and --out-dir exclude each other")
    loaded = loaded_config(ctx)
    options = build_options(params, project=loaded.project)
    dry = params["check"] or params["diff"]
    reporter = Reporter(
        params["output_format"],
        -1 if params["quiet"] else (1 if params["verbose"] else 0),
        dry,
        use_color(sys.stdout),
    )
    root = loaded.project.root
    out_dir, cache_dir = resolve_dirs(params, root)
    stdin = str(srcs[0]) == "-"
    if not params["in_place"] and not stdin:
        check_out_dir(out_dir, srcs, write=not dry)
    reporter.info(f"project root: {root or 'none (no .git, .hg or [tool.astc] found)'}")
    reporter.info(f"configuration: {loaded.project.path or 'none'}")
    reporter.info(f"output: {'in place' if params['in_place'] else out_dir}")
    reporter.info(f"cache: {'off' if params['no_cache'] else cache_dir}")
    interrupted: tuple[int, int] | None = None
    if stdin:
        outcomes = [_compile_stdin(params, options, out_dir, root, _selection(params))]
        reporter.file(outcomes[0])
    else:
        outcomes, interrupted = _compile_tree(
            params, options, srcs, root, out_dir, cache_dir, reporter
        )
    if interrupted is not None:
        code = ExitCode.INTERRUPTED
    elif any(o.status is Status.FAILED for o in outcomes):
        code = ExitCode.FAILED
    elif params["check"] and any(o.status is Status.STALE for o in outcomes):
        code = ExitCode.STALE
    else:
        code = ExitCode.OK
    reporter.finish(outcomes, code, interrupted)
    leave(code)


def _selection(params: dict[str, Any]) -> Selection:
    return Selection(
        tuple(params["include"]),
        tuple(params["exclude"] or DEFAULT_EXCLUDES) + tuple(params["extend_exclude"]),
        params["force_exclude"],
    )


def _compile_stdin(
    params: dict[str, Any],
    options: Options,
    out_dir: Path,
    root: Path | None,
    selection: Selection,
) -> Outcome:
    """One module from stdin (bytes: its coding cookie decides, as for a file)."""
    name = params["stdin_filename"] or "-"
    data = sys.stdin.buffer.read()
    if name != "-" and selection.force_exclude and not collect([Path(name)], root, selection):
        # an excluded file piped through (an editor's format-on-save): echo it untouched
        keep = None if params["check"] or params["diff"] else data
        return Outcome(0, name, None, Status.UNCHANGED, code=keep)
    output = None
    if params["check"] and name != "-":
        named = Path(name).resolve()
        base = choose_base(named, root, package_base([named]))
        rel = named.relative_to(base) if named.is_relative_to(base) else Path(named.name)
        output = str(named if params["in_place"] else out_dir / rel)
    job = Job(
        0,
        name,
        output,
        data=data,
        write=False,
        check=params["check"],
        diff=params["diff"],
        verify=params["verify"],
    )
    outcome = run_jobs([job], options, 1)[0]
    if params["diff"] or params["check"]:
        outcome.code = None  # stdout carries the diff (or nothing), not the module
    return outcome


def _compile_tree(
    params: dict[str, Any],
    options: Options,
    srcs: tuple[Path, ...],
    root: Path | None,
    out_dir: Path,
    cache_dir: Path,
    reporter: Reporter,
) -> tuple[list[Outcome], tuple[int, int] | None]:
    """Compile the files below ``srcs``; the outcomes, and (done, total) if interrupted."""
    skipped_paths: list[tuple[Path, str]] = []
    sources = collect(
        srcs, root, _selection(params), skip=[out_dir, cache_dir], problems=skipped_paths
    )
    for path, why in skipped_paths:
        echo_message(format_message(str(path), 0, 0, Level.WARNING, why), Level.WARNING)
    dry = params["check"] or params["diff"]
    use_cache = not params["no_cache"] and not params["diff"]
    cache = Cache(cache_dir, cache_key(options, params["verify"])) if use_cache else None
    outcomes: list[Outcome | None] = []
    jobs: list[Job] = []
    resolved: dict[int, Path] = {}
    for index, source in enumerate(sources):
        output = source.path if params["in_place"] else out_dir / source.rel
        shown = str(source.path)
        src_abs, out_abs = source.path.resolve(), output.resolve()
        resolved[index] = src_abs
        if not params["in_place"] and out_abs == src_abs:
            diag = Diagnostic(shown, 0, 0, "output would overwrite the source", Code.WRITE_ERROR)
            outcomes.append(Outcome(index, shown, str(output), Status.FAILED, diagnostics=[diag]))
            continue
        entry = cache.fresh(src_abs, out_abs) if cache is not None else None
        if entry is not None:
            outcomes.append(
                Outcome(index, shown, str(output), Status.UNCHANGED, dict(entry.counts))
            )
            continue
        outcomes.append(None)
        jobs.append(
            Job(
                index,
                shown,
                str(output),
                write=not dry,
                check=params["check"],
                diff=params["diff"],
                in_place=params["in_place"],
                backup=params["backup"],
                verify=params["verify"],
            )
        )
    workers = params["workers"] or available_cpus()
    reporter.info(f"{len(sources)} files found, {len(jobs)} to compile, {workers} workers")
    sizes = {job.index: _size(job.source) for job in jobs}
    finished = _Streamer(outcomes, reporter, progress=len(jobs) >= 20)
    interrupted: tuple[int, int] | None = None
    with finished:
        try:
            run_jobs(jobs, options, workers, finished.done, lambda j: sizes[j.index])
        except Interrupted as stop:
            interrupted = (len(stop.done), len(jobs))
    final = [o for o in outcomes if o is not None]
    if cache is not None:
        for outcome in final:
            if outcome.entry is not None:
                cache.put(resolved[outcome.index], outcome.entry)
            elif outcome.status is Status.FAILED:
                cache.forget(resolved[outcome.index])
        cache.save()
    return final, interrupted


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class _Streamer:
    """Prints outcomes in order as soon as every earlier one is known; a progress bar on a
    terminal (then the lines come after the bar, still in order)."""

    def __init__(self, outcomes: list[Outcome | None], reporter: Reporter, progress: bool) -> None:
        self.outcomes = outcomes
        self.reporter = reporter
        self.next = 0
        self.bar: Any = None
        if progress and reporter.fmt != "json" and reporter.verbosity >= 0 and sys.stderr.isatty():
            total = sum(1 for o in outcomes if o is None)
            self.bar = click.progressbar(length=total, label="compiling", file=sys.stderr)

    def __enter__(self) -> _Streamer:
        if self.bar is not None:
            self.bar.__enter__()
        self._flush()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
            self.bar = None
        self._flush()
        for outcome in self.outcomes[self.next :]:  # after an interrupt: those that finished
            if outcome is not None:
                self.reporter.file(outcome)
        self.next = len(self.outcomes)

    def done(self, outcome: Outcome) -> None:
        self.outcomes[outcome.index] = outcome
        if self.bar is not None:
            self.bar.update(1)
        else:
            self._flush()

    def _flush(self) -> None:
        if self.bar is not None:
            return
        while self.next < len(self.outcomes) and self.outcomes[self.next] is not None:
            outcome = self.outcomes[self.next]
            assert outcome is not None
            self.reporter.file(outcome)
            self.next += 1
