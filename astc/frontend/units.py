"""Split a module into *units* (top-level statements) and *gaps* (the text between them).

astc edits a module one unit at a time and splices the result back into the original text,
so everything it did not touch — comments and blank lines between statements included —
stays byte-for-byte identical, and LibCST's round-trip gaps can only ever affect a unit that
is actually rewritten (and such a unit is checked before it is touched).
"""

from __future__ import annotations

import ast
import unicodedata
from dataclasses import dataclass, field

import libcst as cst


@dataclass
class Unit:
    """Top-level statements that share source lines (usually exactly one statement)."""

    index: int
    nodes: list[ast.stmt]
    first_line: int  # 1-based, decorators included
    last_line: int  # 1-based, inclusive
    text: str
    #: Rewritten text, set by the pipeline when a pass changed the unit.
    new_text: str | None = None
    _cst: cst.Module | None = field(default=None, repr=False)
    _cst_failed: bool = field(default=False, repr=False)

    def parse(self) -> cst.Module | None:
        """The unit's LibCST tree, or None if LibCST cannot reproduce the text exactly.

        Identifiers in the tree are NFKC-normalized, as Python's parser normalizes them
        (``ﬁ`` and ``fi`` are one name): passes compare names as Python does. A rewritten
        unit is written with the normalized spelling; an unchanged one keeps its text.
        """
        if self._cst is None and not self._cst_failed:
            self._cst = parse_exactly(self.text, normalize=True)
            self._cst_failed = self._cst is None
        return self._cst


def parse_exactly(text: str, normalize: bool = False) -> cst.Module | None:
    """LibCST's tree of ``text``, or None unless it gives the text back exactly; with
    ``normalize``, identifiers NFKC-normalized as Python's parser does (see
    :meth:`Unit.parse`)."""
    try:
        tree = cst.parse_module(text)
    except RecursionError:
        raise  # too deep here: the API compiles again on a deep stack
    except Exception:  # LibCST's parser is stricter than CPython's in places
        return None
    if tree.code != text:
        return None
    if normalize and not text.isascii():
        tree = tree.visit(_NormalizeNames())
    return tree


class _NormalizeNames(cst.CSTTransformer):
    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        value = unicodedata.normalize("NFKC", updated.value)
        return updated if value == updated.value else updated.with_changes(value=value)


def _first_line(node: ast.stmt) -> int:
    decorators: list[ast.expr] = getattr(node, "decorator_list", None) or []
    return min([node.lineno, *(d.lineno for d in decorators)])


def split_units(tree: ast.Module, lines: list[str]) -> list[Unit]:
    """Group the module's top-level statements into units, in source order."""
    units: list[Unit] = []
    for node in tree.body:
        first, last = _first_line(node), node.end_lineno or node.lineno
        if units and first <= units[-1].last_line:
            unit = units[-1]  # `a = 1; b = 2` — statements sharing a line edit together
            unit.nodes.append(node)
            unit.last_line = max(unit.last_line, last)
        else:
            units.append(Unit(len(units), [node], first, last, ""))
    for unit in units:
        unit.text = "".join(lines[unit.first_line - 1 : unit.last_line])
    return units
