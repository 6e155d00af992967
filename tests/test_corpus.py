"""The standard library as a corpus: astc must cope with real-world code.

Every ``.py`` file of the running interpreter's standard library (``site-packages``
excluded) that CPython itself compiles is a case: :func:`astc.compile_source` must not
raise, and when it succeeds its output must ``compile()``. The default run takes a
deterministic sample (every :data:`SAMPLE_STEP`-th path in sorted order, plus a few big,
feature-rich modules) and also checks idempotence on it; the whole corpus runs under the
``slow`` marker, which ``make test`` (and so CI) runs and ``make test-fast`` skips.

Cases are parametrized by the path relative to the stdlib root, so a failure names the
file. Collection only lists paths; files are read and decoded inside the test.
"""

from __future__ import annotations

import io
import os
import sysconfig
import tokenize
import warnings
from pathlib import Path

import pytest

import astc

#: Directories never descended into.
EXCLUDED_DIRS = frozenset({"site-packages", "dist-packages", "__pycache__"})
#: The default run takes every SAMPLE_STEP-th file of the sorted corpus...
SAMPLE_STEP = 15
#: ...plus these big modules that use most of the language.
NAMED = (
    "typing.py",
    "inspect.py",
    "dataclasses.py",
    "argparse.py",
    "functools.py",
    "enum.py",
    "_pydecimal.py",
    "asyncio/base_events.py",
)

STDLIB = Path(sysconfig.get_paths()["stdlib"])


def corpus_paths() -> list[str]:
    """Every ``.py`` path under the stdlib root, relative and POSIX-style, sorted."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(STDLIB):
        dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDED_DIRS)
        base = Path(dirpath).relative_to(STDLIB)
        found.extend((base / name).as_posix() for name in filenames if name.endswith(".py"))
    return sorted(found)


ALL_PATHS = corpus_paths()
SAMPLE_PATHS = sorted(set(ALL_PATHS[::SAMPLE_STEP]) | {p for p in NAMED if p in ALL_PATHS})


def read_source(rel: str) -> str:
    """The decoded file, or a skip when CPython could not compile it either."""
    data = (STDLIB / rel).read_bytes()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        source = data.decode(encoding)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning: invalid escape sequences etc.
            compile(source, rel, "exec", dont_inherit=True)
    except (SyntaxError, UnicodeDecodeError, ValueError, LookupError) as exc:
        pytest.skip(f"CPython rejects it too: {type(exc).__name__}: {exc}")
    return source


def check_file(rel: str, *, idempotent: bool) -> None:
    """``compile_source`` does not raise; ``ok`` output compiles (and is a fixed point)."""
    source = read_source(rel)
    res = astc.compile_source(source, filename=rel)
    if not res.ok:
        assert res.diagnostics, f"{rel}: compile failed without a diagnostic"
        pytest.fail(
            f"{rel}: CPython compiles it but astc did not: "
            + "; ".join(d.format() for d in res.diagnostics[:3])
        )
    assert res.code is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(res.code, f"<astc output of {rel}>", "exec", dont_inherit=True)
        except SyntaxError as exc:
            lines = res.code.splitlines()
            context = lines[exc.lineno - 1] if exc.lineno and exc.lineno <= len(lines) else ""
            pytest.fail(f"{rel}: output does not compile: {exc} -> {context!r}")
    if idempotent:
        again = astc.compile_source(res.code, filename=rel)
        assert again.code == res.code, f"{rel}: compiling the output changed it again"


def test_corpus_is_found() -> None:
    """Guard against an empty corpus silently passing (wrong stdlib path)."""
    assert len(ALL_PATHS) > 500, STDLIB
    assert "typing.py" in ALL_PATHS
    assert len(SAMPLE_PATHS) >= len(ALL_PATHS) // SAMPLE_STEP


@pytest.mark.parametrize("rel", SAMPLE_PATHS)
def test_stdlib_sample(rel: str) -> None:
    """A deterministic sample of the stdlib compiles, and compiles idempotently."""
    check_file(rel, idempotent=True)


@pytest.mark.slow
@pytest.mark.parametrize("rel", ALL_PATHS)
def test_stdlib_full(rel: str) -> None:
    """Every stdlib file: astc never raises and its output compiles.

    Marked slow (the whole corpus takes minutes): ``make test`` and CI run it,
    ``make test-fast`` leaves it out.
    """
    check_file(rel, idempotent=False)
