"""Set aside the bodies of a class unit's frozen methods while the unit is compiled.

A module's classes are its largest units, and a pass usually has work in one or two of
their methods. Every pass run costs in proportion to the unit's text (LibCST's parse and
code generation, ``ast.parse``, the pre-scan, the compile check), so the bodies of the
methods no pass can touch are replaced, for the passes, by one marker line each::

    class C:                         class C:
        def hot(self): ...               def hot(self): ...
        def cold(self):        ->        def cold(self):
            a = 1                            pass  # astc-stub 0
            return a                         # astc-stub 0:1

and put back, verbatim, in the text the passes produce (:meth:`Stubs.restore`). Every
line keeps its number, so positions and reports are unchanged.

Contract. A method is set aside only when its body cannot matter to any pass run on the
unit: it is a ``def`` directly in the body of a class that is a top-level statement of the
unit, no pass's trigger fired in it (it is *frozen*: passes never enter it), and its body
declares no ``global`` or ``nonlocal`` name (the only way a method body binds a name of
an enclosing scope; the text is searched, so a mention in a string counts too). Its
header and decorators stay: they run when the class body runs. The body starts on a line
of its own (``def f(self): return 1`` stays as it is).
"""

from __future__ import annotations

import ast
from collections.abc import Collection
from dataclasses import dataclass

from astc.frontend.source import split_lines

#: The marker starts with this; the unit's text must not contain it.
MARKER = "# astc-stub"
#: A body shorter than this (in lines) is not worth setting aside.
MIN_LINES = 3


@dataclass(frozen=True)
class _Stub:
    """One body set aside: its marker line and the original lines it stands for."""

    lines: list[str]  # the marker line and the comment lines after it, without endings
    original: list[str]  # the body's lines, with their endings


@dataclass(frozen=True)
class Stubs:
    """A unit's text with frozen method bodies set aside (:attr:`text`)."""

    text: str
    stubs: list[_Stub]

    @staticmethod
    def of(nodes: list[ast.stmt], text: str, first_line: int, hot: Collection[str]) -> Stubs | None:
        """``text`` (the unit of top-level statements ``nodes``, starting at source line
        ``first_line``) with the bodies of its frozen methods set aside, or None when there
        is none to set aside. ``hot`` holds the qualified names of the functions where a
        pass may have work (any pass)."""
        if not any(isinstance(node, ast.ClassDef) for node in nodes) or MARKER in text:
            return None
        lines = split_lines(text)
        regions: list[tuple[int, int]] = []  # 0-based [start, end) lines of the unit's text
        for node in nodes:
            if isinstance(node, ast.ClassDef):
                regions.extend(_frozen_bodies(node, lines, first_line, hot))
        if not regions:
            return None
        out: list[str] = []
        stubs: list[_Stub] = []
        done = 0
        for start, end in regions:
            out.extend(lines[done:start])
            first = lines[start]
            indent = first[: len(first) - len(first.lstrip())]
            n = len(stubs)
            marker = [f"{indent}pass  {MARKER} {n}"]
            marker += [f"{indent}{MARKER} {n}:{i}" for i in range(1, end - start)]
            out.extend(m + _ending(line) for m, line in zip(marker, lines[start:end], strict=True))
            stubs.append(_Stub(marker, lines[start:end]))
            done = end
        out.extend(lines[done:])
        return Stubs("".join(out), stubs)

    def restore(self, text: str) -> str | None:
        """``text`` (produced by passes from :attr:`text`) with the bodies put back, or None
        if a marker line is missing, moved or repeated."""
        out: list[str] = []
        pending = iter(self.stubs)
        stub: _Stub | None = None  # the one whose comment lines may follow
        at = 0  # of those
        for line in split_lines(text):
            if MARKER not in line:
                out.append(line)
                stub = None
                continue
            content = line.rstrip("\r\n")
            if stub is not None and at < len(stub.lines) and content == stub.lines[at]:
                at += 1  # a comment line of the body just put back
                continue
            stub = next(pending, None)
            if stub is None or content != stub.lines[0]:
                return None
            out.extend(stub.original)
            at = 1
        return None if next(pending, None) is not None else "".join(out)


def _frozen_bodies(
    cls: ast.ClassDef, lines: list[str], first_line: int, hot: Collection[str]
) -> list[tuple[int, int]]:
    """The 0-based ``[start, end)`` line ranges of the unit's text holding the bodies of
    ``cls``'s methods that may be set aside (the module docstring's contract)."""
    regions = []
    for node in cls.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        qualname = f"{cls.name}.{node.name}"
        if qualname in hot or any(h.startswith(qualname + ".") for h in hot):
            continue
        start = node.body[0].lineno - first_line
        end = (node.end_lineno or node.lineno) - first_line + 1
        if end - start < MIN_LINES or start <= node.lineno - first_line:
            continue
        body_first = lines[start].encode("utf-8", "surrogatepass")[: node.body[0].col_offset]
        if body_first.strip():
            continue  # the body's first statement shares its line with other text
        body = "".join(lines[start:end])
        if "global" in body or "nonlocal" in body:
            continue
        regions.append((start, end))
    return regions


def _ending(line: str) -> str:
    """The line's line ending ("" for a last line without one)."""
    stripped = line.rstrip("\r\n")
    return line[len(stripped) :]
