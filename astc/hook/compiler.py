"""The cold path: turn a module's source bytes into astc-compiled code (imports LibCST)."""

from __future__ import annotations

import ast
from types import CodeType

from astc.api import compile_source
from astc.frontend.source import decode_source
from astc.hook.lines import LineMap, remap
from astc.options import Options


def compile_module(data: bytes, path: str, options: Options) -> CodeType | None:
    """Code for the module whose source file ``path`` holds ``data``, compiled by astc.

    The code carries ``path`` as its file name and the source's line numbers
    (:mod:`astc.hook.lines`), so tracebacks, ``linecache`` and ``inspect`` show the user's
    file. Returns None when the source is not valid Python: the plain import then raises
    exactly the error it always raised. Any other failure raises.
    """
    try:
        source = decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return None
    result = compile_source(source, filename=path, options=options)
    if result.code is None:
        return None
    if not result.changed:  # nothing to gain: compile the user's bytes themselves
        return compile(data, path, "exec", dont_inherit=True)
    tree = ast.parse(result.code, filename=path)
    remap(tree, LineMap(source, result.code))
    code: CodeType = compile(tree, path, "exec", dont_inherit=True)
    return code
