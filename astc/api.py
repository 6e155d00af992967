"""The library API: compile source text or a file. No printing, no ``sys.exit``."""

from __future__ import annotations

import ast
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from astc import _collector as collector
from astc.config import ConfigError, load_project_config, with_kernel_functions
from astc.diagnostics import (
    Code,
    CompileError,
    CompileResult,
    Diagnostic,
    Report,
    ReportEntry,
)
from astc.frontend.source import (
    declared_encoding,
    decode_source,
    find_header,
    header_line,
    split_lines,
    with_header,
)
from astc.options import Options
from astc.pipeline import Pipeline


def compile_source(
    source: str, *, filename: str = "<string>", options: Options | None = None
) -> CompileResult:
    """Compile a module's source text.

    Returns a :class:`CompileResult` whose ``code`` starts with astc's header line and
    behaves like ``source`` under the semantic model of ``docs/semantics.md``; ``code`` is
    None (and ``diagnostics`` non-empty) when the source is not valid Python. Compiling
    astc's own output again returns it unchanged.
    """
    with collector.paused():  # a compile's allocations would run it often: see there
        return _compile_source(source, filename, options or Options())


def _compile_source(source: str, filename: str, options: Options) -> CompileResult:
    lines = split_lines(source)
    header_at = find_header(lines)
    body = source if header_at is None else "".join(lines[:header_at] + lines[header_at + 1 :])
    try:
        tree = ast.parse(body, filename=filename)
        compile(body, filename, "exec", dont_inherit=True)  # the checks ast.parse skips
    except SyntaxError as error:
        line = (error.lineno or 1) + (
            1 if header_at is not None and (error.lineno or 1) > header_at else 0
        )
        diag = Diagnostic(
            filename, line, error.offset or 1, error.msg or "invalid syntax", Code.SYNTAX_ERROR
        )
        return CompileResult(filename, source, None, [diag])
    except (ValueError, RecursionError, MemoryError) as error:  # e.g. null bytes, too deeply nested
        diag = Diagnostic(filename, 1, 1, f"cannot parse: {error}", Code.SYNTAX_ERROR)
        return CompileResult(filename, source, None, [diag])
    try:
        pipeline, code = _compile(body, tree, options, filename, header_line(source))
    except RecursionError:  # deeper than the default stack: once more, on a deep one
        try:
            pipeline, code = _on_deep_stack(
                lambda: _compile(body, tree, options, filename, header_line(source))
            )
        except RecursionError:
            report = Report()
            report.add(
                ReportEntry(
                    "pipeline",
                    Code.TOO_DEEP,
                    False,
                    1,
                    "nested too deeply for astc's rewriter; module left unchanged",
                )
            )
            return CompileResult(filename, source, _unchanged(body, source, header_at), [], report)
    if header_at is not None and not pipeline.report.applied:
        return CompileResult(filename, source, source, [], pipeline.report)  # astc output
    return CompileResult(filename, source, code, [], pipeline.report)


def _compile(
    body: str, tree: ast.Module, options: Options, filename: str, header: str
) -> tuple[Pipeline, str]:
    pipeline = Pipeline(body, tree, options, filename)
    pipeline.run()
    return pipeline, pipeline.assemble(header)


#: Stack and recursion limit for the rare module nested deeper than the defaults allow
#: (LibCST's parser, visitors and code generation recurse).
DEEP_STACK_BYTES = 512 * 1024 * 1024
DEEP_RECURSION_LIMIT = 200_000

_T = TypeVar("_T")


def _on_deep_stack(work: Callable[[], _T]) -> _T:
    """``work()`` in a thread with a deep stack and a high recursion limit."""
    result: list[_T] = []
    failure: list[BaseException] = []

    def run() -> None:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, DEEP_RECURSION_LIMIT))
        try:
            result.append(work())
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(error)
        finally:
            sys.setrecursionlimit(limit)

    with _DEEP_LOCK:  # the recursion limit is per interpreter: one deep compile at a time
        old = threading.stack_size(DEEP_STACK_BYTES)
        try:
            thread = threading.Thread(target=run, name="astc-deep-compile")
            thread.start()
        finally:
            threading.stack_size(old)
        thread.join()
    if failure:
        raise failure[0]
    return result[0]


_DEEP_LOCK = threading.Lock()


def _unchanged(body: str, source: str, header_at: int | None) -> str:
    if header_at is not None:
        return source
    return with_header(split_lines(body), header_line(source))


def read_source(path: str | os.PathLike[str]) -> tuple[str, str]:
    """A source file's text and the encoding it declares (:func:`declared_encoding`).

    Raises :class:`CompileError` carrying an ``ASTC002`` diagnostic (no position) when the
    file cannot be read or does not decode in its declared encoding.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
        return decode_source(data), declared_encoding(data)
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError) as error:
        message = getattr(error, "strerror", None) or str(error)
        diag = Diagnostic(name, 0, 0, f"cannot read: {message}", Code.READ_ERROR)
        raise CompileError(diag) from None


def compile_file(path: str | os.PathLike[str], *, options: Options | None = None) -> CompileResult:
    """Compile a file; unreadable files give a result with an ``ASTC002`` diagnostic.

    The names in ``[tool.astc.kernels] functions`` of the file's project are added to
    ``options.kernel_functions`` (an invalid value there is an ``ASTC006`` diagnostic).
    The file's other settings are the command line's business: ``options`` is taken as given.
    """
    name = os.fspath(path)
    try:
        source, _ = read_source(name)
    except CompileError as error:
        return CompileResult(name, "", None, [error.diagnostic])
    try:
        options = with_kernel_functions(options or Options(), load_project_config(Path(name)))
    except ConfigError as error:
        where = str(error.path) if error.path is not None else name
        diag = Diagnostic(where, 0, 0, error.detail, Code.CONFIG_ERROR)
        return CompileResult(name, source, None, [diag])
    return compile_source(source, filename=name, options=options)


__all__ = ["compile_file", "compile_source", "read_source"]
