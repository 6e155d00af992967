"""``astc bench`` and the chapter's samples (run as `make demo` runs them)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from astc.cli import main
from tests.conftest import without_header

SAMPLES = Path(__file__).parent.parent / "samples"


def test_bench_prints_the_chapter_lines_and_the_ratio() -> None:
    result = CliRunner().invoke(main, ["bench", str(SAMPLES / "mlp.py"), "--calls", "20"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"Without hybridization: \d+\.\d{4} sec", lines[0])
    assert re.fullmatch(r"With hybridization: \d+\.\d{4} sec", lines[1])
    assert re.match(r"Speedup: \d+\.\d\dx \(20 calls; the first hybridized call", lines[2])


def test_bench_needs_a_factory_and_an_input(tmp_path: Path) -> None:
    plain = tmp_path / "plain.py"
    plain.write_text("print('hello')\n")
    result = CliRunner().invoke(main, ["bench", str(plain)])
    assert result.exit_code == 2
    assert f"{plain}:1:1: error: needs a factory get_net() and an input x" in result.stderr
    broken = tmp_path / "broken.py"
    broken.write_text("raise RuntimeError('boom')\n")
    result = CliRunner().invoke(main, ["bench", str(broken)])
    assert result.exit_code == 123 and "RuntimeError('boom')" in result.stderr


def run_compiled(sample: str) -> subprocess.CompletedProcess[str]:
    """``astc show --no-report SAMPLE | python -``, as ``make demo`` runs it."""
    shown = subprocess.run(
        [sys.executable, "-m", "astc", "show", "--no-report", str(SAMPLES / sample)],
        capture_output=True,
        text=True,
        check=True,
    )
    return subprocess.run(
        [sys.executable, "-"], input=shown.stdout, capture_output=True, text=True, check=True
    )


def test_symbolic_sample_runs_the_program_and_its_compiled_form() -> None:
    for done in (
        subprocess.run(
            [sys.executable, str(SAMPLES / "symbolic.py")],
            capture_output=True,
            text=True,
            check=True,
        ),
        run_compiled("symbolic.py"),
    ):
        out = done.stdout
        assert out.count("\n10\n") == 2  # the chapter's exec, then astc's compiled program
        assert "print(fancy_func(1, 2, 3, 4))" in out and without_header(out).rstrip().endswith("10")
        assert "\nprint(10)\n" in out  # astc's rewrite, shown


def test_mlp_sample_gives_the_same_result_after_hybridization() -> None:
    for done in (
        subprocess.run(
            [sys.executable, str(SAMPLES / "mlp.py")], capture_output=True, text=True, check=True
        ),
        run_compiled("mlp.py"),  # from stdin: no source to trace, so it runs the original
    ):
        assert "same result: True" in done.stdout
        assert "Without hybridization: " in done.stdout and "With hybridization: " in done.stdout
