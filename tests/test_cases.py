"""Golden cases (``tests/cases/*.py``): input, then ``# output:`` and the expected output.

Leading ``# options: assume-stable`` selects the relaxed model; ``# calls: f(1); g(2)``
names calls whose results (value, type or exception) must match between input and output.
For every case the output must also re-parse and be a fixed point of the compiler.
Regenerate after an intended change with ``ASTC_UPDATE_CASES=1`` — then review the diff.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

import astc
from tests.conftest import run_module

CASES = sorted((Path(__file__).parent / "cases").glob("*.py"))
SEPARATOR = "# output:\n"


def _split(
    path: Path,
) -> tuple[str, str | None, astc.Options, list[tuple[str, tuple[object, ...]]]]:
    text = path.read_text()
    source, _, expected = text.partition(SEPARATOR)
    lines = source.splitlines(keepends=True)
    meta = [line for line in lines if line.startswith(("# options:", "# calls:"))]
    body = "".join(line for line in lines if line not in meta)
    options = astc.Options(assume_stable=any("assume-stable" in m for m in meta))
    calls: list[tuple[str, tuple[object, ...]]] = []
    for m in meta:
        if m.startswith("# calls:"):
            for call in m.partition(":")[2].split(";"):
                node = ast.parse(call.strip(), mode="eval").body
                assert isinstance(node, ast.Call)
                calls.append(
                    (ast.unparse(node.func), tuple(ast.literal_eval(a) for a in node.args))
                )
    return body, (expected if SEPARATOR in text else None), options, calls


def _strip_header(code: str) -> str:
    rest, _, last = code.rstrip("\n").rpartition("\n")
    assert last.startswith("# Compiled by astc "), last
    return rest + "\n"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    source, expected, options, calls = _split(path)
    result = astc.compile_source(source, filename=str(path), options=options)
    assert result.ok, result.diagnostics
    assert result.code is not None
    output = _strip_header(result.code)
    if os.environ.get("ASTC_UPDATE_CASES"):
        path.write_text(path.read_text().partition(SEPARATOR)[0] + SEPARATOR + output)
    else:
        assert expected is not None, f"{path.name} has no '# output:' section"
        assert output == expected
    # Behaviour: same printed output, same exception, same call results.
    resolved = [
        (name.rpartition(".")[2] if "." not in name else name, args) for name, args in calls
    ]
    assert _run(result.code, resolved) == _run(source, resolved)
    # Fixed point and valid Python.
    compile(result.code, str(path), "exec")
    again = astc.compile_source(result.code, filename=str(path), options=options)
    assert again.code == result.code


def _run(source: str, calls: list[tuple[str, tuple[object, ...]]]) -> dict[str, object]:
    simple = [(n, a) for n, a in calls if "." not in n]
    outcome = run_module(source, simple)
    dotted = [(n, a) for n, a in calls if "." in n]
    if dotted:  # Class.method(args): call through the class
        ns: dict[str, object] = {}
        exec(compile(source, "<case>", "exec"), ns)
        results = []
        for name, args in dotted:
            owner, _, attr = name.partition(".")
            results.append(repr(getattr(ns[owner], attr)(*args)))
        outcome["dotted"] = results
    return outcome
