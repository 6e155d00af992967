"""The library API: compile source text or a file. No printing, no ``sys.exit``."""

from __future__ import annotations

import ast
import os
import sys

from astc.diagnostics import Code, CompileResult, Diagnostic, Report
from astc.frontend.source import decode_source, find_header, header_line, split_lines
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
    options = options or Options()
    lines = split_lines(source)
    header_at = find_header(lines)
    body = source if header_at is None else "".join(lines[:header_at] + lines[header_at + 1 :])
    try:
        tree = ast.parse(body, filename=filename)
        compile(tree, filename, "exec", dont_inherit=True)  # the checks ast.parse skips
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
    pipeline = Pipeline(body, tree, options, filename)
    try:
        report = pipeline.run()
    except RecursionError:
        return CompileResult(filename, source, _unchanged(body, source, header_at), [], Report())
    if header_at is not None and not report.applied:
        return CompileResult(filename, source, source, [], report)  # already astc output
    code = pipeline.assemble(header_line(source))
    return CompileResult(filename, source, code, [], pipeline.report)


def _unchanged(body: str, source: str, header_at: int | None) -> str:
    if header_at is not None:
        return source
    pipeline_lines = split_lines(body)
    del pipeline_lines  # an unoptimized copy still carries the header
    return header_line(source) + "\n" + body


def compile_file(path: str | os.PathLike[str], *, options: Options | None = None) -> CompileResult:
    """Compile a file; unreadable files give a result with an ``ASTC002`` diagnostic."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
        source = decode_source(data)
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError) as error:
        message = getattr(error, "strerror", None) or str(error)
        return CompileResult(
            name, "", None, [Diagnostic(name, 1, 1, f"cannot read: {message}", Code.READ_ERROR)]
        )
    return compile_source(source, filename=name, options=options)


__all__ = ["compile_file", "compile_source"]
_ = sys
