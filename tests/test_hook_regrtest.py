"""Real programs as the test: CPython's own regression tests, run with the hook compiling
both the test modules and the library modules they exercise, must give the same counts.

Each module runs three times: plainly, under ``astc run`` with an empty cache (everything
compiled on import, in the test process itself) and again with the cache warm (modules
served from the cache, and those the first run could not compile compiled now). The cache
goes to a temporary ``PYTHONPYCACHEPREFIX`` so the installed standard library is not touched.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hook_support import ASTC, PYTHON, run

#: (regression test module, library packages it exercises, cache entries that must appear)
CASES = [
    ("test_json", ["json"], ["json/__init__", "json/decoder", "test_json/test_dump"]),
    ("test_grammar", [], ["test/test_grammar", "typinganndata/ann_module"]),
    ("test_scope", [], ["test/test_scope"]),
    ("test_fractions", ["fractions"], ["python3.11/fractions", "test/test_fractions"]),
    ("test_textwrap", ["textwrap"], ["python3.11/textwrap", "test/test_textwrap"]),
    ("test_statistics", ["statistics"], ["python3.11/statistics", "test/test_statistics"]),
    # functools itself is imported at start-up; test_functools re-imports its pure-Python
    # parts with import_fresh_module, which goes through the hook
    ("test_functools", ["functools"], ["python3.11/functools", "test/test_functools"]),
]

_TOTAL = re.compile(r"^Total tests: (.*)$", re.MULTILINE)
_RESULT = re.compile(r"^Result: (\S+)", re.MULTILINE)


def _counts(output: str) -> tuple[str, str]:
    total, result = _TOTAL.findall(output), _RESULT.findall(output)
    assert len(total) == 1 and len(result) == 1, output[-3000:]
    return total[0], result[0]


@pytest.mark.slow
@pytest.mark.parametrize(("test", "packages", "expected"), CASES, ids=[c[0] for c in CASES])
def test_regrtest_counts_unchanged_under_the_hook(
    test: str, packages: list[str], expected: list[str], tmp_path: Path
) -> None:
    prefix = tmp_path / "pycache"
    env = {"PYTHONPYCACHEPREFIX": str(prefix)}
    plain = run([PYTHON, "-m", "test", test], tmp_path, **env)
    hooks = [arg for pkg in ["test", *packages] for arg in ("--hook", pkg)]
    command = [*ASTC, "run", *hooks, "-m", "test", test]
    cold = run(command, tmp_path, **env)
    warm = run(command, tmp_path, **env)
    # After the warm run: on the cold one, library modules that astc's compiler imports
    # itself (textwrap, for one) are already imported, plainly, when the program asks.
    entries = [str(p) for p in prefix.rglob("*.opt-astc-*.pyc")]
    baseline = _counts(plain.stdout + plain.stderr)
    assert baseline[1] == "SUCCESS"
    for hooked in (cold, warm):
        assert _counts(hooked.stdout + hooked.stderr) == baseline
        assert hooked.returncode == plain.returncode
        assert "AstcHookWarning" not in hooked.stderr
    for part in expected:  # the modules named were really compiled by the hook
        assert any(f"{part}.cpython" in e for e in entries), (part, entries[:5])
