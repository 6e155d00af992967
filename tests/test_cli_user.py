"""The command line as a user meets it (issue 12): one test or a few per numbered item.

Every test here drives the public command line (click's runner or a real ``python -m astc``
process) and checks what the user sees: exit status, messages, files written.
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _cli_project import FANCY, RECURSIVE, astc, make_project, run_python, snapshot
from click.testing import CliRunner, Result

from astc.cli import main
from tests.conftest import without_header

ROOT = Path(__file__).resolve().parent.parent
BUGS = ROOT.parent / "shared" / "bugs"


def cli(*args: str, env: dict[str, str] | None = None, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


# 1. A symlink loop in the tree ---------------------------------------------------------------


def test_symlink_loop_in_the_tree_is_skipped_not_a_crash(project: Path) -> None:
    loop = project / "pkg" / "loop"
    loop.mkdir()
    (loop / "self").symlink_to("self")  # ``ln -s self loop/self``
    (loop / "bad.py").symlink_to("bad.py")
    (project / "pkg" / "up").symlink_to("..")  # a symlinked directory: never followed
    result = cli("compile", str(project / "pkg"), "-W", "1")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert f"{loop / 'bad.py'}: warning: cannot examine: " in result.stderr
    assert "5 files compiled." in result.stderr
    assert (project / "build" / "astc" / "pkg" / "fancy.py").is_file()
    named = cli("compile", str(loop / "bad.py"))
    assert named.exit_code == 2 and "Traceback" not in named.output


# 2. Wrong-typed [tool.astc] values --------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("assume-stable = 0", "[tool.astc] assume-stable: expected true or false, got 0"),
        ("out-dir = 5", "[tool.astc] out-dir: expected a path (a string), got 5"),
        (
            "max-iterations = []",
            "[tool.astc] max-iterations: expected an integer of at least 1, got []",
        ),
        ("workers = 2.5", "[tool.astc] workers: expected an integer of at least 1, got 2.5"),
        ("workers = true", "[tool.astc] workers: expected an integer of at least 1, got true"),
        ("include = [1]", "[tool.astc] include: expected a list of strings, got [1]"),
        ("hook = 3", "[tool.astc] hook: expected a table [tool.astc.hook], got 3"),
        ('kernels = "all"', '[tool.astc] kernels: expected one of "off", "explicit", "auto", '),
        ("[tool.astc.kernels]\nfunctions = [1]", "[tool.astc.kernels] functions: expected a"),
        ("verify = 1", "[tool.astc] verify: expected true or false, got 1"),
        ("[tool.astc.kernels]\nfunctions = 3", "[tool.astc.kernels] functions: expected a list"),
    ],
)
@pytest.mark.parametrize("command", ["compile", "show"])
def test_invalid_config_is_one_line_and_exit_2(
    project: Path, line: str, message: str, command: str
) -> None:
    (project / "pyproject.toml").write_text("[tool.astc]\n" + line + "\n")
    target = "pkg" if command == "compile" else "pkg/fancy.py"
    proc = astc(command, target, cwd=project)
    assert proc.returncode == 2, proc.stderr
    pyproject = project / "pyproject.toml"
    assert proc.stderr.startswith(f"{pyproject}: error: {message}"), proc.stderr
    assert proc.stderr.rstrip().endswith("[ASTC006]") and proc.stderr.count("\n") == 1
    assert not (project / "build").exists() and proc.stdout == ""


def test_valid_config_values_still_work(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.astc]\nworkers = 1\ninclude = ["*.py"]\nexclude = "build"\nverify = true\n'
        '[tool.astc.hook]\npackages = ["pkg"]\n'
    )
    assert astc("compile", "pkg", cwd=project).returncode == 0


# 3. Coding cookies: output bytes in the declared encoding, stdin honours the cookie ----------

LATIN1 = "# -*- coding: latin-1 -*-\nNAME = 'caf\xe9'\nX = 2 * 21\nprint(NAME, X)\n"


def test_show_writes_the_declared_encoding(project: Path) -> None:
    src = project / "pkg" / "latin.py"
    src.write_bytes(LATIN1.encode("latin-1"))
    proc = subprocess.run(
        [sys.executable, "-m", "astc", "show", str(src), "--no-report"],
        capture_output=True,
        cwd=project,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"caf\xe9" in proc.stdout and "café".encode() not in proc.stdout
    out = project / "out.py"
    out.write_bytes(proc.stdout)
    assert run_python(out) == run_python(src) == "café 42\n"


def test_stdin_honours_the_cookie_and_answers_in_it(project: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "astc", "compile", "-", "--stdin-filename", "latin.py"],
        input=LATIN1.encode("latin-1"),
        capture_output=True,
        cwd=project,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"caf\xe9" in proc.stdout and b"X = 42" in proc.stdout


def test_bom_is_kept(project: Path) -> None:
    src = project / "pkg" / "bom.py"
    src.write_bytes(b"\xef\xbb\xbfX = 2 * 21\nprint('\xc3\xa9', X)\n")
    assert cli("compile", str(src), "-W", "1").exit_code == 0
    out = (project / "build" / "astc" / "pkg" / "bom.py").read_bytes()
    assert out.startswith(b"\xef\xbb\xbfX = 42\n") and b"# Compiled by astc" in out


def test_output_that_cannot_be_encoded_is_an_error_for_that_file(project: Path) -> None:
    src = project / "pkg" / "emoji.py"
    src.write_bytes(b"# -*- coding: latin-1 -*-\ns = chr(128512)\nprint(ascii(s))\n")
    result = cli("compile", str(project / "pkg"), "-W", "1")
    # the core may escape the new literal (then it compiles); it must never write UTF-8
    out = project / "build" / "astc" / "pkg" / "emoji.py"
    if result.exit_code == 123:
        assert f"{src}: error: the compiled module cannot be written in iso-8859-1" in result.stderr
        assert "[ASTC004]" in result.stderr and not out.exists()
        assert (project / "build" / "astc" / "pkg" / "fancy.py").exists()  # the others are
    else:
        assert result.exit_code == 0 and run_python(out) == run_python(src)
    show = cli("show", str(src), "--no-report")
    assert show.exit_code == result.exit_code
    if show.exit_code == 123:
        assert show.stdout_bytes == b""


@pytest.mark.skipif(not (BUGS / "b12_latin1_cookie_utf8_output.py").exists(), reason="no repro")
def test_b12_reproducer_never_writes_utf8_under_a_latin1_cookie(tmp_path: Path) -> None:
    src = tmp_path / "b12.py"
    src.write_bytes((BUGS / "b12_latin1_cookie_utf8_output.py").read_bytes())
    shown = cli("show", str(src), "--no-report")
    assert shown.exit_code in (0, 123)
    if shown.exit_code == 0:
        shown.stdout_bytes.decode("latin-1")  # whatever the core emits, it is latin-1 text
        (tmp_path / "out.py").write_bytes(shown.stdout_bytes)
        assert run_python(tmp_path / "out.py") == run_python(src)
    else:
        assert shown.stdout_bytes == b"" and "[ASTC004]" in shown.stderr


# 4. Ctrl-C --------------------------------------------------------------------------------


def _many(project: Path, n: int) -> None:
    for i in range(n):
        (project / "pkg" / f"gen{i:03d}.py").write_text(FANCY.replace("4)", f"{i})"))


@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupt_stops_keeps_files_whole_saves_the_cache_exits_130(
    project: Path, workers: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from astc.cli import compile as compile_mod

    _many(project, 30)
    seen: list[str] = []
    real_done = compile_mod._Streamer.done

    def done(self: compile_mod._Streamer, outcome: object) -> None:
        real_done(self, outcome)  # type: ignore[arg-type]
        seen.append(str(outcome))
        if len(seen) == 3:
            raise KeyboardInterrupt  # as if Ctrl-C came right after the third file

    monkeypatch.setattr(compile_mod._Streamer, "done", done)
    result = cli("compile", str(project / "pkg"), "-W", workers)
    assert result.exit_code == 130, result.output
    assert "interrupted: " in result.stderr and "Traceback" not in result.output
    out = project / "build" / "astc" / "pkg"
    written = sorted(p for p in out.rglob("*.py"))
    assert 3 <= len(written) < 35  # stopped: not every file was compiled
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.setattr(compile_mod._Streamer, "done", real_done)
    full = cli("compile", str(project / "pkg"), "-W", "1", "-o", str(project / "full"))
    assert full.exit_code == 0
    for path in written:  # every file written before the interrupt is whole and right
        assert (
            path.read_bytes()
            == (project / "full" / path.relative_to(project / "build" / "astc")).read_bytes()
        )
    cache_files = list((project / ".astc_cache" / "compile").glob("*.json"))
    assert len(cache_files) == 1
    assert len(json.loads(cache_files[0].read_text())) >= 3  # what was done is remembered
    again = cli("compile", str(project / "pkg"), "-W", "1", "-v")
    assert again.exit_code == 0
    assert again.stderr.count("unchanged ") >= 3  # ...and not compiled again


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_real_ctrl_c_on_a_process_pool(project: Path) -> None:
    _many(project, 150)
    proc = subprocess.Popen(
        [sys.executable, "-m", "astc", "compile", "pkg", "-W", "2"],
        cwd=project,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
        # a shell's background job ignores SIGINT and children inherit that: undo it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stderr is not None
    out = project / "build" / "astc" / "pkg"
    deadline = time.monotonic() + 60
    while not list(out.glob("gen*.py")) and time.monotonic() < deadline:
        time.sleep(0.01)  # wait until the pool has written a first file (not a timing check)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 130, rest
    assert "interrupted: " in rest and "Traceback" not in rest
    written = list(out.rglob("*.py"))
    assert 1 <= len(written) < 155
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    for path in written:
        compile(path.read_bytes(), str(path), "exec")  # whole files only


# 6. explain --target: no click warnings, and the option is honoured ------------------------

KERNEL = """\
import numpy as np
from tests.conftest import without_header


def double(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * 2.0
"""


def test_explain_honours_target_without_warnings(project: Path) -> None:
    (project / "pkg" / "k.py").write_text(KERNEL)
    proc = astc("explain", "pkg/k.py", "--kernels", "auto", "--target", "cuda", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "UserWarning" not in proc.stderr and "target cuda" in proc.stdout
    cpu = astc("explain", "pkg/k.py", "--kernels", "auto", cwd=project)
    assert "target cpu" in cpu.stdout and "UserWarning" not in cpu.stderr


# 7. Report lines: the statement's line, not the enclosing def's -----------------------------

LINES = """\
def add(a, b):
    return a + b


def f(x):
    y = 1
    return add(x, 2) + (3 + 4)
"""


def test_report_gives_the_statement_line(project: Path) -> None:
    src = project / "pkg" / "lines.py"
    src.write_text(LINES)
    result = cli("show", str(src), "--no-report")
    assert result.exit_code == 0
    report = cli("show", str(src))
    assert f"{src}:7: info: constant-fold: done in f: (3 + 4) -> 7" in report.stderr
    assert f"{src}:6: info: dead-code: done in f: unused assignment to y" in report.stderr


def test_report_prints_the_line_the_entry_carries(project: Path) -> None:
    src = project / "pkg" / "lines.py"
    src.write_text(LINES)
    from astc import compile_file

    entries = compile_file(src).report.entries
    shown = cli("show", str(src)).stderr.splitlines()
    assert shown == [f"{src}:{e.line}: info: {e.describe()} [{e.code.value}]" for e in entries]


# 8. Line numbers in output-directory mode; untouched files byte for byte --------------------


def test_unchanged_file_keeps_the_blank_line_after_its_docstring(project: Path) -> None:
    text = '"""Doc."""\n\nimport os\n\nprint(os.sep)\n'
    src = project / "pkg" / "doc.py"
    src.write_text(text)
    assert cli("compile", str(src), "-W", "1").exit_code == 0
    out = (project / "build" / "astc" / "pkg" / "doc.py").read_text()
    assert out == text + out[len(text) :] and without_header(out) == text


def test_lines_do_not_drift_when_dead_code_is_removed(project: Path) -> None:
    src = project / "pkg" / "drift.py"
    src.write_text(
        "def f(x):\n    unused = 1\n    other = 2\n    assert x, 'boom'\n    return x\n\n\nf(0)\n"
    )
    assert cli("compile", str(src), "-W", "1").exit_code == 0
    out = project / "build" / "astc" / "pkg" / "drift.py"
    proc = subprocess.run([sys.executable, str(out)], capture_output=True, text=True)
    assert "line 4, in f" in proc.stderr, proc.stderr  # the assert's line in the source


# 9. -o that is a source directory, or unusable --------------------------------------------


def test_out_dir_equal_to_a_source_directory_is_a_usage_error(project: Path) -> None:
    before = snapshot(project)
    result = cli("compile", str(project / "pkg"), "-o", str(project / "pkg"))
    assert result.exit_code == 2 and "holds the source" in result.stderr
    assert snapshot(project) == before  # nothing nested, nothing written
    inside = cli("compile", str(project), "-o", str(project / "out"), "-W", "1")
    assert inside.exit_code == 0  # an output directory inside the tree is fine (not walked)


def test_unusable_out_dir_is_one_usage_error(project: Path) -> None:
    result = cli("compile", str(project / "pkg"), "-o", "/dev/null")
    assert result.exit_code == 2 and result.stderr.count("Error:") == 1
    assert "[ASTC004]" not in result.stderr


# 10. A negation in a nested .gitignore ------------------------------------------------------


def test_nested_gitignore_negation_is_honoured(project: Path) -> None:
    (project / ".gitignore").write_text("*_gen.py\n")
    (project / "pkg" / "sub" / ".gitignore").write_text("!keep_gen.py\n")
    (project / "pkg" / "sub" / "keep_gen.py").write_text("X = 1 + 1\n")
    (project / "pkg" / "sub" / "drop_gen.py").write_text("X = 1 + 1\n")
    (project / "pkg" / "top_gen.py").write_text("X = 1 + 1\n")
    assert cli("compile", str(project / "pkg"), "-W", "1").exit_code == 0
    out = project / "build" / "astc" / "pkg"
    assert (out / "sub" / "keep_gen.py").exists()
    assert not (out / "sub" / "drop_gen.py").exists() and not (out / "top_gen.py").exists()


# 11. --profile with a missing or bad file ----------------------------------------------------


def test_profile_that_is_missing_or_not_a_profile_is_a_usage_error(project: Path) -> None:
    missing = cli("compile", str(project / "pkg"), "--profile", str(project / "missing.json"))
    assert missing.exit_code == 2 and "--profile" in missing.stderr
    assert "cannot read" in missing.stderr and not (project / "build").exists()
    bad = project / "bad.json"
    bad.write_text('{"hello": 1}')
    wrong = cli("show", str(project / "pkg" / "fancy.py"), "--profile", str(bad))
    assert wrong.exit_code == 2 and "not a profile" in wrong.stderr


# 12. astc bench with a factory that raises ---------------------------------------------------


def test_bench_factory_that_raises_is_exit_123_without_traceback(tmp_path: Path) -> None:
    model = tmp_path / "model.py"
    model.write_text("x = 1\ndef get_net():\n    raise ValueError('no weights')\n")
    proc = astc("bench", str(model), cwd=tmp_path)
    assert proc.returncode == 123
    assert proc.stderr == f"{model}:1:1: error: get_net() raised ValueError('no weights')\n"


# 13. The executable bit of a source is kept -----------------------------------------------


def test_executable_bit_is_kept(project: Path) -> None:
    script = project / "pkg" / "tool.py"
    script.write_text("#!/usr/bin/env python3\nprint(2 * 21)\n")
    script.chmod(0o755)
    assert cli("compile", str(project / "pkg"), "-W", "1").exit_code == 0
    out = project / "build" / "astc" / "pkg" / "tool.py"
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    plain = project / "build" / "astc" / "pkg" / "plain.py"
    assert not plain.stat().st_mode & 0o111


# 14. What the docs say is what is printed ----------------------------------------------------


def test_readme_show_example_is_what_show_prints() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    right = [line[40:].rstrip() for line in block.splitlines()[1:]]
    shown = cli("show", str(ROOT / "samples" / "fancy_func.py"), "--no-report").stdout
    lines = [line.rstrip() for line in shown.splitlines()]
    while right and not right[-1]:
        right.pop()
    head, tail = right[-1].split("…")  # the hash is left out
    assert lines[-1].startswith(head) and lines[-1].endswith(tail)
    assert right[:-1] == lines[:-1]


def test_unreadable_file_error_has_no_position(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_bytes(b"# -*- coding: no-such-codec -*-\nx = 1\n")
    result = cli("compile", str(src), "-o", str(tmp_path / "o"))
    assert result.exit_code == 123
    assert re.search(
        rf"^{re.escape(str(src))}: error: cannot read: .*\[ASTC002\]$", result.stderr, re.M
    )


def test_cr_only_source_keeps_its_line_endings(project: Path) -> None:
    src = project / "pkg" / "cr.py"
    src.write_bytes(b"X = 2 * 21\rprint(X)\r")
    assert cli("compile", str(src), "-W", "1").exit_code == 0
    out = (project / "build" / "astc" / "pkg" / "cr.py").read_bytes()
    assert b"\n" not in out


def test_check_json_calls_a_stale_file_stale(project: Path) -> None:
    assert cli("compile", str(project / "pkg"), "-W", "1").exit_code == 0
    (project / "pkg" / "fancy.py").write_text(FANCY.replace("4))", "5))"))
    result = cli("compile", str(project / "pkg"), "--check", "--output-format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["summary"] == {"compiled": 0, "stale": 1, "unchanged": 4, "failed": 0}
    stale = [f["source"] for f in doc["files"] if f["status"] == "stale"]
    assert stale == [str(project / "pkg" / "fancy.py")]


def test_diff_summary_matches_the_diff(project: Path) -> None:
    result = cli("compile", str(project / "pkg" / "fancy.py"), "--diff")
    assert result.exit_code == 0 and "+print(10)" in result.stdout
    assert result.stderr.splitlines()[-1] == "1 file would be compiled."
    plain = cli("compile", str(project / "pkg" / "plain.py"), "--diff")
    assert plain.stdout == "" and plain.stderr.splitlines()[-1] == "1 file would be left unchanged."


def test_quiet_and_verbose_together_is_a_usage_error(project: Path) -> None:
    result = cli("compile", str(project / "pkg"), "-q", "-v")
    assert result.exit_code == 2 and "exclude each other" in result.stderr


# Friction ---------------------------------------------------------------------------------


def test_in_place_says_so_and_keeps_a_backup(project: Path) -> None:
    src = project / "pkg" / "fancy.py"
    result = cli("compile", str(src), "--in-place", "-W", "1")
    assert result.exit_code == 0, result.output
    text = src.read_text()
    assert "Edit the source, not this file." not in text
    assert "Compiled in place; the source before astc is in fancy.py.orig." in text.splitlines()[-1]
    assert (project / "pkg" / "fancy.py.orig").read_text() == FANCY
    again = cli("compile", str(src), "--in-place", "-W", "1", "--no-cache")
    assert again.exit_code == 0 and (project / "pkg" / "fancy.py.orig").read_text() == FANCY
    assert src.read_text() == text  # astc's own output is a fixed point
    other = project / "pkg" / "sub" / "const.py"
    assert cli("compile", str(other), "--in-place", "--no-backup").exit_code == 0
    assert not (project / "pkg" / "sub" / "const.py.orig").exists()
    assert other.read_text().splitlines()[-1].endswith("Compiled in place.")


def test_cache_directory_is_ignored_by_git(project: Path) -> None:
    assert cli("compile", str(project / "pkg"), "-W", "1").exit_code == 0
    assert (project / ".astc_cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_no_line_for_files_with_nothing_to_optimize(project: Path) -> None:
    result = cli("compile", str(project / "pkg"), "-W", "1")
    assert "nothing to optimize" not in result.stderr
    assert result.stderr.count("compiled ") == 2  # fancy.py and const.py
    verbose = cli("compile", str(project / "pkg"), "-W", "1", "-v", "-o", str(project / "v"))
    assert f"compiled {project / 'pkg' / 'plain.py'} (nothing to optimize)" in verbose.stderr


def test_errors_are_coloured_on_a_terminal_only(project: Path) -> None:
    (project / "pkg" / "bad.py").write_text("def f(:\n")
    coloured = cli("compile", str(project / "pkg"), "-W", "1", "--color")
    assert "\x1b[31m" in coloured.stderr and "error" in coloured.stderr
    plain = cli("compile", str(project / "pkg"), "-W", "1")  # not a terminal
    assert "\x1b[" not in plain.output
    proc = astc("compile", "pkg", "-W", "1", cwd=project, env={**os.environ, "NO_COLOR": "1"})
    assert "\x1b[" not in proc.stderr


def test_one_message_format_across_commands(project: Path) -> None:
    bad = project / "pkg" / "bad.py"
    bad.write_text("def f(:\n")
    line = f"{bad}:1:7: error: invalid syntax [ASTC001]"
    for args in (["compile", str(bad)], ["show", str(bad)], ["explain", str(bad)]):
        result = cli(*args)
        assert result.exit_code == 123 and result.stderr.splitlines()[0] == line, args
    pattern = re.compile(r"^\S+:\d+(:\d+)?: (error|warning|info): .* \[ASTC\d{3}\]$")
    shown = cli("show", str(project / "pkg" / "fancy.py"))
    assert all(pattern.match(line) for line in shown.stderr.splitlines()), shown.stderr


def test_astc_codes_explains_every_code() -> None:
    from astc.diagnostics import EXPLANATIONS, Code

    assert set(EXPLANATIONS) == set(Code)
    for explanation in EXPLANATIONS.values():
        assert explanation.title and explanation.meaning.endswith(".") and explanation.action
    listing = cli("codes")
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == [c.value for c in Code]
    one = cli("codes", "ASTC201")
    assert one.exit_code == 0 and one.stdout.startswith("ASTC201 (recursive): not inlined")
    assert "What to do: " in one.stdout
    assert cli("codes", "214").stdout == cli("codes", "opaque-call").stdout
    assert cli("codes", "ASTC999").exit_code == 2


def test_every_command_help_has_examples() -> None:
    assert "Examples:" in cli("--help").stdout
    for name in main.commands:  # type: ignore[attr-defined]
        text = cli(name, "--help").stdout
        assert "Examples:" in text, name
        assert f"astc {name}" in text.split("Examples:", 1)[1], name


@pytest.mark.parametrize("command", ["compile", "show", "explain"])
def test_verbose_says_which_config_and_root(project: Path, command: str) -> None:
    (project / "pyproject.toml").write_text("[tool.astc]\nassume-stable = false\n")
    target = "pkg" if command == "compile" else "pkg/fancy.py"
    proc = astc(command, target, "-v", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert f"project root: {project}\n" in proc.stderr
    assert f"configuration: {project / 'pyproject.toml'}\n" in proc.stderr


# --verify says what it checks, and checks more (issue 9) ---------------------------------


def test_verify_refuses_an_output_that_warns_where_the_source_does_not(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from astc.cli._verify import verify
    from astc.options import Options

    source = "def pair():\n    return (1, 2)\nprint(pair() is not None)\n"
    warned = "def pair():\n    return (1, 2)\nprint((1, 2) is not None)\n"
    assert "under -W error" in (verify(source, warned, "m.py", Options()) or "")
    # a warning already in the source is not astc's doing
    assert "-W error" not in (verify(warned, warned, "m.py", Options()) or "")
    symtable = "def f():\n    x = 1\n    global x\n"
    assert "does not compile" in (
        verify("def f():\n    x = 1\n", symtable, "m.py", Options()) or ""
    )
    help_text = cli("compile", "--help").stdout
    assert "symbol table" in help_text and "warnings" in help_text


# Options: one value, enums for choices, exact round trip, the only configuration a stage reads


def test_options_round_trip_exactly_and_use_enums() -> None:
    from astc.options import KernelMode, Options, Target

    options = Options(
        assume_stable=True,
        passes=("inline", "dead-code"),
        max_iterations=3,
        fold_step_budget=99,
        kernels="profile",
        target="cuda",
        profile="p.json",
        kernel_functions=("a", "b"),
    )
    back = Options.from_json(options.to_json())
    assert back == options and hash(back) == hash(options)
    assert back.kernels is KernelMode.PROFILE and back.kernels == "profile"
    assert back.target is Target.CUDA
    from astc.hook.settings import HookSettings

    settings = HookSettings.create(["pkg"], options)
    again = HookSettings.from_env(settings.to_env())
    assert again is not None and again.options == options and hash(again.options)
    assert "--kernels [off|explicit|auto|profile]" in cli("compile", "--help").stdout


def test_kernel_functions_come_from_the_config_layer_not_the_stage(tmp_path: Path) -> None:
    import astc

    (tmp_path / "pyproject.toml").write_text('[tool.astc.kernels]\nfunctions = ["double"]\n')
    (tmp_path / ".git").mkdir()
    src = tmp_path / "k.py"
    src.write_text(KERNEL)
    # the stage reads Options only: compiling text names no project
    plain = astc.compile_source(KERNEL, filename=str(src))
    assert not any(e.code.value == "ASTC107" for e in plain.report.entries)
    # the API's and the command line's config layer put the names into Options
    assert any(e.code.value == "ASTC107" for e in astc.compile_file(src).report.entries)
    shown = cli("show", str(src))
    assert shown.exit_code == 0 and "[ASTC107]" in shown.stderr


def test_fold_step_budget_reaches_call_folding(project: Path) -> None:
    src = project / "pkg" / "loop.py"
    src.write_text(
        "def total(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n"
        "print(total(200))\n"
    )
    small = cli("show", str(src), "--fold-step-budget", "10")
    big = cli("show", str(src))
    assert small.exit_code == big.exit_code == 0
    assert "print(19900)" in big.stdout and "print(19900)" not in small.stdout
    assert "[ASTC216]" in small.stderr


def _blocks(markdown: str, after: str) -> list[str]:
    """The fenced blocks (without a language) that follow the heading ``after``."""
    text = markdown.split(after, 1)[1]
    return re.findall(r"\n```\n(.*?)```", text, re.S)


def test_cli_md_output_examples_are_what_astc_prints(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "cli.md").read_text()
    compiled, checked = _blocks(docs, "### Output")[:2]
    (tmp_path / ".git").mkdir()
    pkg = tmp_path / "src" / "pkg"
    pkg.mkdir(parents=True)
    (pkg / "core.py").write_text(RECURSIVE)
    (pkg / "bad.py").write_text("def f(:\n")
    (pkg / "util.py").write_text("import os\n")
    first = astc("compile", "src", "-W", "1", cwd=tmp_path)
    assert first.returncode == 123 and first.stderr == compiled
    (pkg / "core.py").write_text(RECURSIVE + "x = 1\n")
    second = astc("compile", "--check", "src", "-W", "1", cwd=tmp_path)
    assert second.returncode == 123 and second.stderr == checked
    (tmp_path / "m.py").write_text(RECURSIVE)
    explained = astc("explain", "m.py::C.m", cwd=tmp_path)
    assert explained.stdout == _blocks(docs, "## `astc show`, `astc explain`")[0]
