"""Give the compiled module's syntax tree the user's line numbers.

astc keeps untouched statements byte-for-byte but may move them down a line or two (its
header comment, guard lines). The hook compiles the compiled text under the user's file
name, so positions must be the user's: every compiled line is matched against the source
(``difflib``), and each node's position is rewritten:

* a line equal to a source line gets that line's number, columns kept (the text is the same);
* a rewritten line (``print(10)`` for ``print(f(1))``) gets the number of the source line it
  replaces, and spans that whole line (no misleading carets in tracebacks);
* an added line (a guard at a function's entry) gets the number of the source line that
  follows it: for a guarded fast path, the function's first statement.
"""

from __future__ import annotations

import ast
import difflib

from astc.frontend.source import split_lines


class LineMap:
    """Compiled line number -> (source line number, whether the line text is identical)."""

    def __init__(self, source: str, compiled: str) -> None:
        # Python's own line breaks only (str.splitlines would also split at \f, \x1c...)
        self._source = [line.rstrip("\r\n") for line in split_lines(source)]
        new = [line.rstrip("\r\n") for line in split_lines(compiled)]
        last = max(len(self._source), 1)
        self._map: list[tuple[int, bool]] = [(1, False)] * (len(new) + 1)
        matcher = difflib.SequenceMatcher(None, self._source, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for k, j in enumerate(range(j1, j2)):
                if tag == "equal":
                    self._map[j + 1] = (i1 + k + 1, True)
                elif tag == "replace":
                    self._map[j + 1] = (i1 + min(k, i2 - i1 - 1) + 1, False)
                elif tag == "insert":
                    self._map[j + 1] = (min(i1 + 1, last), False)

    def line(self, compiled_line: int) -> tuple[int, bool]:
        if 0 < compiled_line < len(self._map):
            return self._map[compiled_line]
        return (max(len(self._source), 1), False)

    def width(self, line: int) -> int:
        """Length in UTF-8 bytes (AST columns are byte offsets) of a source line."""
        if 0 < line <= len(self._source):
            return len(self._source[line - 1].encode("utf-8", "surrogatepass"))
        return 0

    def indent(self, line: int) -> int:
        if 0 < line <= len(self._source):
            text = self._source[line - 1]
            return len(text) - len(text.lstrip())
        return 0


#: Every node class that has a position (``type_ignore`` has a line only and is left alone).
_POSITIONED = (ast.stmt, ast.expr, ast.excepthandler, ast.arg, ast.keyword, ast.alias, ast.pattern)


def remap(tree: ast.AST, lines: LineMap) -> None:
    """Rewrite every position in ``tree`` (parsed from the compiled text) to source lines."""
    for node in ast.walk(tree):
        if not isinstance(node, _POSITIONED):
            continue
        start, start_exact = lines.line(node.lineno)
        col = node.col_offset if start_exact else lines.indent(start)
        end_lineno, end_col = node.end_lineno, node.end_col_offset
        if end_lineno is None or end_col is None:
            end, end_col = start, lines.width(start)
        else:
            end, end_exact = lines.line(end_lineno)
            if not end_exact:
                end_col = lines.width(end)
        if (end, end_col) < (start, col):
            end, end_col = start, max(col, lines.width(start))
        node.lineno, node.col_offset = start, col
        node.end_lineno, node.end_col_offset = end, end_col
