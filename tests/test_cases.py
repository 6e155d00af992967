"""Golden cases (``tests/cases/*.py``): input, then ``# output:`` and the expected output.

``# options:`` selects any :class:`astc.Options` field: space-separated ``name=value`` pairs,
names spelled like the long options or the fields (``assume-stable``, ``max_iterations=2``,
``passes=inline,dead-code``); a bare name is a boolean set to true, ``default`` changes
nothing; an unknown name or a bad value fails the case. ``# calls: f(1); g(2)`` names calls
whose results (value, type or exception) must match between input and output.
For every case the output must also re-parse and be a fixed point of the compiler.
Regenerate after an intended change with ``ASTC_UPDATE_CASES=1`` — then review the diff.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import typing
from pathlib import Path

import pytest

import astc
from astc.options import KernelMode
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
    options = parse_options([m.partition(":")[2] for m in meta if m.startswith("# options:")])
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


def parse_options(lines: list[str]) -> astc.Options:
    """The :class:`astc.Options` that ``# options:`` lines (the text after the colon) select."""
    hints = typing.get_type_hints(astc.Options)
    fields = {f.name for f in dataclasses.fields(astc.Options)}
    chosen: dict[str, object] = {}
    for item in " ".join(lines).split():
        if item == "default":
            continue
        name, has_value, text = item.partition("=")
        name = name.replace("-", "_")
        if name not in fields:
            raise ValueError(f"# options: no option {name!r} (known: {', '.join(sorted(fields))})")
        hint = hints[name]
        value: object
        if not has_value:
            if hint is not bool:
                raise ValueError(f"# options: {name} needs a value ({name}=...)")
            value = True
        elif hint is bool:
            if text not in ("true", "false"):
                raise ValueError(f"# options: {name}={text}: expected true or false")
            value = text == "true"
        elif hint is int:
            value = int(text)
        elif typing.get_origin(hint) is tuple:
            value = tuple(v for v in text.split(",") if v)
        else:  # a string, an enum (str subclasses: Options converts), or an optional one
            value = text
        chosen[name] = value
    return astc.Options(**chosen)  # type: ignore[arg-type]


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


def test_options_line_selects_any_field() -> None:
    assert parse_options([" default"]) == astc.Options()
    chosen = parse_options([" assume-stable max_iterations=2", " passes=inline,dead-code"])
    assert chosen == astc.Options(
        assume_stable=True, max_iterations=2, passes=("inline", "dead-code")
    )
    off = astc.Options(kernels=KernelMode.OFF)
    assert parse_options([" kernels=off assume_stable=false"]) == off
    with pytest.raises(ValueError, match="no option 'assume_stabel'"):
        parse_options([" assume-stabel"])
    with pytest.raises(ValueError, match="max_iterations needs a value"):
        parse_options([" max-iterations"])
    with pytest.raises(ValueError, match="unknown pass"):
        parse_options([" passes=inline,nope"])
    with pytest.raises(ValueError, match="at least 1"):
        parse_options([" max-iterations=0"])


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
