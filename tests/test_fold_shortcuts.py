"""The constant folder's shortcuts give what its general paths give (and stand aside
where they must)."""

from __future__ import annotations

import ast

import pytest

from astc.passes import constant_fold as cf

STATEMENTS = [
    "x = 1 + 2",
    "a = b = (1, 2)[0]",
    "x: int = 1 + 2",  # AnnAssign: not a shortcut type, the general path
    "x += 3 * 4  # type: ignore",
    "f(1, *a, k=2)",
    "return",
    "return 1 + 2",
    "pass",
    "del x[1 + 2]",
    "if 1 + 2: pass",
]


@pytest.mark.parametrize("text", STATEMENTS)
def test_statement_children_by_type_are_the_general_walk(text: str) -> None:
    statement = ast.parse(text if not text.startswith("return") else "def f():\n " + text)
    node = statement.body[0]
    if isinstance(node, ast.FunctionDef):
        node = node.body[0]
    fast = cf._children_of_statement(node)
    assert [id(c) for c in fast] == [id(c) for c in cf._statement_children(node)]


def test_shortcut_types_are_the_common_statements_only() -> None:
    # The general path is the one for every other statement (a block's expressions).
    assert ast.AnnAssign not in cf._STATEMENT_IN_ORDER
    assert ast.If not in cf._STATEMENT_IN_ORDER


@pytest.mark.parametrize("text", ["0", "7", "35", "1234567890" * 10])
def test_decimal_int_is_a_constant_atom(text: str) -> None:
    assert cf._decimal_int(text)
    assert isinstance(ast.parse(text, mode="eval").body, ast.Constant)


@pytest.mark.parametrize(
    "text", ["", "00", "0123", "1_000", "\u0661\u0662", "1.5", "-1", "9" * 700]
)
def test_decimal_int_stands_aside(text: str) -> None:
    assert not cf._decimal_int(text)  # the parse decides these


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = (1 + 2)\n", "x = 3\n"),
        ("y = (1 + 2) * z\n", "y = 3 * z\n"),
        ("y = (2 ** 3).bit_length()\n", "y = (8).bit_length()\n"),
        ("s = ('a' + 'b')\n", "s = 'ab'\n"),
    ],
)
def test_folds_drop_parentheses_as_before(source: str, expected: str) -> None:
    from astc import compile_source

    code = compile_source(source).code
    assert code is not None and code.split("# Compiled by astc")[0] == expected


def test_statements_reach_every_block() -> None:
    import types

    source = (
        "class C:\n    def m(self):\n        for i in x:\n            y = 1\n        else:\n"
        "            z = 2\n"
        "try:\n    a = 1\nexcept E:\n    b = 2\nelse:\n    c = 3\nfinally:\n    d = 4\n"
        "match v:\n    case 1:\n        e = 5\n"
        "with w:\n    while t:\n        if u:\n            f = 6\n        elif g:\n"
        "            h = 7\n"
    )
    tree = ast.parse(source)
    ctx = types.SimpleNamespace(frozen=set())
    found = [s for s, _ in cf._statements(tree, ctx)]  # type: ignore[arg-type]
    every = [n for n in ast.walk(tree) if isinstance(n, ast.stmt)]
    assert sorted(map(id, found)) == sorted(map(id, every))
    assert cf._block_fields(ast.Assign) == ()
    assert cf._block_fields(ast.Try) == ("body", "orelse", "finalbody", "handlers")


@pytest.mark.parametrize(
    "source",
    ["1 + 2", "a + 2", "1 + f()", "(1 + 2) + 3", "x.y * 2", "a[0] - 1", "1 + 2j", "-1 + (2,)"],
)
def test_literal_operands_reject_is_is_const(source: str) -> None:
    from astc.analysis.prescan import is_const

    node = ast.parse(source, mode="eval").body
    assert isinstance(node, ast.BinOp)
    general = is_const(node.left) and is_const(node.right) and not cf._complex_literal(node)
    assert cf._literal_operands(node, None) == general  # type: ignore[arg-type]
    for never in cf._NEVER_LITERAL:  # none is a kind of literal is_const accepts
        assert not issubclass(never, (ast.Constant, ast.UnaryOp, ast.Tuple, ast.List))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("s = ('é' + 'x', 1 + 2)\n", "s = ('éx', 3)\n"),  # UTF-8 columns: the general path
        ("s = ('e' + 'x', 1 + 2)\n", "s = ('ex', 3)\n"),  # ASCII: columns are offsets
        ("t = 'ü'\nu = (2 * 3, 'v')\n", "t = 'ü'\nu = (6, 'v')\n"),
    ],
)
def test_offsets_ascii_or_not(source: str, expected: str) -> None:
    from astc import compile_source

    code = compile_source(source).code
    assert code is not None and code.split("# Compiled by astc")[0] == expected
    text = source
    src = cf._Source(text)
    assert src.ascii == text.isascii()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.expr):
            start, end = src.span(node)
            assert text[start:end] == ast.get_source_segment(text, node)
