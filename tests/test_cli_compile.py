"""``astc compile`` on fixture trees: outputs, exit codes, --check, --diff, stdin, cache."""

from __future__ import annotations

import ast
import io
import json
import os
import sys
from pathlib import Path

import pytest
from _cli_project import FANCY, astc, make_project, run_python, snapshot
from click.testing import CliRunner, Result

from astc import compile_source
from astc.cli import main
from astc.cli._report import Reporter, summary
from astc.cli._work import Outcome, Status
from astc.cli.compile import _Streamer
from tests.conftest import without_header


def cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


def test_tree_is_mirrored_under_build_astc_and_outputs_behave_like_sources(project: Path) -> None:
    result = cli("compile", str(project / "pkg"), "-W", "1")
    assert result.exit_code == 0, result.output
    out = project / "build" / "astc"
    assert sorted(snapshot(out)) == [
        "pkg/__init__.py",
        "pkg/fancy.py",
        "pkg/plain.py",
        "pkg/sub/__init__.py",
        "pkg/sub/const.py",
    ]
    compiled = (out / "pkg" / "fancy.py").read_text()
    assert without_header(compiled).rstrip().endswith("print(10)")
    for rel in ("pkg/fancy.py", "pkg/sub/const.py", "pkg/plain.py"):
        assert run_python(out / rel) == run_python(project / rel)
    assert f"compiled {project / 'pkg' / 'fancy.py'} (3 inlined" in result.stderr  # one per call site
    assert "5 files compiled." in result.stderr
    assert result.stdout == ""  # messages go to stderr


def test_exit_codes_in_real_subprocesses(project: Path) -> None:
    assert astc("compile", "pkg", cwd=project).returncode == 0
    assert astc("compile", "pkg", "--check", cwd=project).returncode == 0
    (project / "pkg" / "fancy.py").write_text(FANCY.replace("1, 2, 3, 4", "1, 2, 3, 5"))
    stale = astc("compile", "pkg", "--check", cwd=project)
    assert stale.returncode == 1
    assert "would compile pkg/fancy.py" in stale.stderr
    usage = astc("compile", "pkg", "--no-such-option", cwd=project)
    assert usage.returncode == 2 and "No such option" in usage.stderr
    (project / "pkg" / "broken.py").write_text("def f(:\n")
    failed = astc("compile", "pkg", cwd=project)
    assert failed.returncode == 123
    assert "pkg/broken.py:1:7: error: invalid syntax [ASTC001]" in failed.stderr
    assert "Exit codes" in astc("compile", "--help", cwd=project).stdout


def test_check_fresh_stale_missing_and_writes_nothing(project: Path) -> None:
    assert cli("compile", str(project), "-W", "1").exit_code == 0
    out = project / "build" / "astc"
    before = snapshot(out)
    fresh = cli("compile", str(project), "--check", "-W", "1")
    assert fresh.exit_code == 0 and "5 files would be left unchanged." in fresh.stderr
    # stale: the source changed (no cache, so the comparison is with the output's content)
    (project / "pkg" / "sub" / "const.py").write_text("WIDTH = 3 * 3\nprint(WIDTH)\n")
    stale = cli("compile", str(project), "--check", "--no-cache", "-W", "1")
    assert stale.exit_code == 1
    assert f"would compile {project / 'pkg' / 'sub' / 'const.py'}" in stale.stderr
    assert "1 file would be compiled, 4 files would be left unchanged." in stale.stderr
    # missing output
    (out / "pkg" / "plain.py").unlink()
    missing = cli("compile", str(project), "--check", "-W", "1")
    assert missing.exit_code == 1 and "2 files would be compiled" in missing.stderr
    before.pop("pkg/plain.py")
    assert snapshot(out) == before  # --check wrote nothing


def test_diff_prints_unified_diff_on_stdout_and_writes_nothing(project: Path) -> None:
    result = cli("compile", str(project / "pkg" / "fancy.py"), "--diff", "-W", "1")
    assert result.exit_code == 0, result.output
    assert "-print(fancy_func(1, 2, 3, 4))\n" in result.stdout
    assert "+print(10)\n" in result.stdout
    assert "(source)" in result.stdout and "(compiled)" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert not (project / "build").exists()
    colored = cli("compile", str(project / "pkg" / "fancy.py"), "--diff", "--color")
    assert "\x1b[32m+print(10)" in colored.stdout
    no_color = cli("compile", str(project / "pkg" / "fancy.py"), "--diff", env={"NO_COLOR": "1"})
    assert "\x1b[" not in no_color.stdout


def test_stdin_compiles_to_stdout_with_its_file_name(project: Path) -> None:
    name = str(project / "pkg" / "fancy.py")
    result = cli("compile", "-", "--stdin-filename", name, stdin=FANCY)
    assert result.exit_code == 0, result.output
    assert result.stdout == compile_source(FANCY, filename=name).code
    bad = cli("compile", "-", "--stdin-filename", "x.py", stdin="def f(:\n")
    assert bad.exit_code == 123
    assert "x.py:1:7: error: invalid syntax [ASTC001]" in bad.stderr
    assert bad.stdout == ""
    proc = astc("compile", "-", cwd=project, stdin=FANCY)
    assert proc.returncode == 0
    script = project / "from_stdin.py"
    script.write_text(proc.stdout)
    assert run_python(script) == "10\n"


def test_stdin_check_compares_with_the_output_of_the_named_file(project: Path) -> None:
    name = str(project / "pkg" / "fancy.py")
    assert cli("compile", name, "-W", "1").exit_code == 0
    assert cli("compile", "-", "--stdin-filename", name, "--check", stdin=FANCY).exit_code == 0
    changed = FANCY.replace("4))", "5))")
    stale = cli("compile", "-", "--stdin-filename", name, "--check", stdin=changed)
    assert stale.exit_code == 1 and stale.stdout == ""


def test_syntax_error_among_good_files(project: Path) -> None:
    (project / "pkg" / "broken.py").write_text("x = (1,\n")
    result = cli("compile", str(project / "pkg"), "-W", "1")
    assert result.exit_code == 123
    out = project / "build" / "astc" / "pkg"
    assert (out / "fancy.py").exists() and (out / "sub" / "const.py").exists()
    assert not (out / "broken.py").exists()
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]  # nothing partial
    assert "5 files compiled, 1 file failed to compile." in result.stderr
    assert (project / "pkg" / "broken.py").read_text() == "x = (1,\n"


def test_unwritable_output_directory_is_one_usage_error(project: Path) -> None:
    blocker = project / "not_a_dir"
    blocker.write_text("a regular file\n")
    sources = snapshot(project / "pkg")
    for out in (blocker / "out", blocker, Path("/dev/null")):
        result = cli("compile", str(project / "pkg"), "-o", str(out), "-W", "1")
        assert result.exit_code == 2, result.output
        assert result.stderr.count("Error: ") == 1 and "out-dir" in result.stderr
        assert "[ASTC004]" not in result.stderr  # not one error per file
    assert snapshot(project / "pkg") == sources
    assert blocker.read_text() == "a regular file\n"


def test_output_may_not_overwrite_a_source(project: Path) -> None:
    result = cli("compile", str(project / "pkg" / "fancy.py"), "-o", str(project), "-W", "1")
    assert result.exit_code == 2
    assert "holds the source" in result.stderr
    assert (project / "pkg" / "fancy.py").read_text() == FANCY


def test_parallel_run_gives_the_same_outputs_as_one_worker(project: Path) -> None:
    for i in range(6):
        (project / "pkg" / f"gen{i}.py").write_text(FANCY.replace("4)", f"{i})"))
    (project / "pkg" / "broken.py").write_text("def f(:\n")
    one = astc("compile", "pkg", "-W", "1", "-o", "out1", "--no-cache", cwd=project)
    two = astc("compile", "pkg", "-W", "2", "-o", "out2", "--no-cache", cwd=project)
    assert one.returncode == two.returncode == 123
    assert snapshot(project / "out1") == snapshot(project / "out2")
    assert len(snapshot(project / "out1")) == 11
    assert one.stderr == two.stderr  # same lines, same (sorted) order


def test_cache_skips_unchanged_files_and_notices_changes(project: Path) -> None:
    env = {"ASTC_CACHE_DIR": str(project / "cachedir")}
    first = cli("compile", str(project), "-W", "1", env=env)
    assert first.exit_code == 0 and "5 files compiled." in first.stderr
    tag = project / "cachedir" / "CACHEDIR.TAG"
    assert tag.read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    out = project / "build" / "astc" / "pkg" / "fancy.py"
    stamp = out.stat().st_mtime_ns
    warm = cli("compile", str(project), "-W", "1", "-v", env=env)
    assert "5 files left unchanged." in warm.stderr
    assert "unchanged " in warm.stderr
    assert out.stat().st_mtime_ns == stamp
    # touched but identical source: still unchanged (content hash)
    src = project / "pkg" / "fancy.py"
    os.utime(src, ns=(stamp + 10**9, stamp + 10**9))
    assert "5 files left unchanged." in cli("compile", str(project), env=env).stderr
    # an edited output is put right; other options recompile
    out.write_text("tampered\n")
    fixed = cli("compile", str(project), "-W", "1", env=env)
    assert "1 file compiled, 4 files left unchanged." in fixed.stderr
    assert without_header(out.read_text()).rstrip().endswith("print(10)")
    other = cli("compile", str(project), "-W", "1", "--assume-stable", env=env)
    assert "compiled" in other.stderr and "left unchanged" not in other.stderr.split("\n")[0]
    assert "if add is _astc_add" not in out.read_text()
    no_cache = cli("compile", str(project), "-W", "1", "--no-cache", "--assume-stable", env=env)
    assert "5 files left unchanged." in no_cache.stderr  # compiled again, same bytes


def test_in_place_only_when_asked(project: Path) -> None:
    plain = (project / "pkg" / "plain.py").read_bytes()
    result = cli("compile", str(project / "pkg"), "--in-place", "-W", "1")
    assert result.exit_code == 0, result.output
    fancy = (project / "pkg" / "fancy.py").read_text()
    assert without_header(fancy) != fancy and without_header(fancy).rstrip().endswith("print(10)")
    assert (project / "pkg" / "plain.py").read_bytes() == plain  # nothing to do: untouched
    assert not (project / "build").exists()
    again = cli("compile", str(project / "pkg"), "--in-place", "-W", "1", "--no-cache")
    assert again.exit_code == 0 and "5 files left unchanged." in again.stderr
    both = cli("compile", str(project / "pkg"), "--in-place", "-o", str(project / "o"))
    assert both.exit_code == 2


def test_verify_passes_good_output_and_fails_bad(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("compile", str(project / "pkg"), "--verify", "-W", "1").exit_code == 0

    import astc.api
    from astc.diagnostics import CompileResult

    real = astc.api.compile_source

    def broken(source: str, *, filename: str, options: object = None) -> CompileResult:
        result = real(source, filename=filename, options=options)  # type: ignore[arg-type]
        if not source.endswith("def (:\n"):  # --verify compiles the output again
            result.code = (result.code or "") + "def (:\n"
        return result

    monkeypatch.setattr(astc.api, "compile_source", broken)
    bad = cli("compile", str(project / "pkg"), "--verify", "-W", "1", "-o", str(project / "v"))
    assert bad.exit_code == 123
    assert "does not compile" in bad.stderr and "[ASTC005]" in bad.stderr
    assert not (project / "v").exists()


def test_json_and_github_formats(project: Path) -> None:
    (project / "pkg" / "broken.py").write_text("def f(:\n")
    result = cli("compile", str(project / "pkg"), "--output-format", "json", "-W", "1")
    assert result.exit_code == 123
    doc = json.loads(result.stdout)
    assert doc["summary"] == {"compiled": 5, "stale": 0, "unchanged": 0, "failed": 1}
    broken = next(f for f in doc["files"] if f["source"].endswith("broken.py"))
    assert broken["errors"] == [
        {"line": 1, "column": 7, "message": "invalid syntax", "code": "ASTC001"}
    ]
    gh = cli("compile", str(project / "pkg"), "--output-format", "github", "--check")
    path = str(project / "pkg" / "broken.py")
    assert f"::error file={path},line=1,col=7,title=astc ASTC001::invalid syntax" in gh.stdout


def test_quiet_and_verbose(project: Path) -> None:
    (project / "pkg" / "broken.py").write_text("def f(:\n")
    quiet = cli("compile", str(project / "pkg"), "-q", "-W", "1")
    assert quiet.stderr.splitlines() == [
        f"{project / 'pkg' / 'broken.py'}:1:7: error: invalid syntax [ASTC001]"
    ]
    verbose = cli("compile", str(project / "pkg"), "-v", "-W", "1")
    assert "project root: " + str(project) in verbose.stderr
    assert "compiling" not in verbose.stderr  # no progress bar when stderr is not a terminal


def test_no_files_is_not_an_error_but_no_src_is(project: Path) -> None:
    empty = project / "empty"
    empty.mkdir()
    result = cli("compile", str(empty))
    assert result.exit_code == 0 and "No Python files to compile." in result.stderr
    assert cli("compile").exit_code == 2


@pytest.mark.parametrize(
    ("tally", "dry", "expected"),
    [
        ((12, 40, 1), False, "12 files compiled, 40 left unchanged, 1 file failed to compile."),
        ((1, 0, 0), False, "1 file compiled."),
        ((0, 1, 2), False, "1 file left unchanged, 2 files failed to compile."),
        ((2, 1, 0), True, "2 files would be compiled, 1 file would be left unchanged."),
    ],
)
def test_summary_is_pluralised(tally: tuple[int, int, int], dry: bool, expected: str) -> None:
    first = Status.STALE if dry else Status.COMPILED
    outcomes = [
        Outcome(0, "x.py", None, status)
        for status, n in zip((first, Status.UNCHANGED, Status.FAILED), tally, strict=True)
        for _ in range(n)
    ]
    assert summary(outcomes, dry) == expected


def test_source_encoding_is_kept(project: Path) -> None:
    src = project / "pkg" / "latin.py"
    src.write_bytes(
        "# -*- coding: latin-1 -*-\nNAME = 'caf\xe9' + '!'\nprint(NAME)\n".encode("latin-1")
    )
    result = cli("compile", str(src), "-W", "1")
    assert result.exit_code == 0, result.output
    out = project / "build" / "astc" / "pkg" / "latin.py"
    assert "café!".encode("latin-1") in out.read_bytes()
    assert run_python(out) == run_python(src) == "café!\n"


def test_a_compiler_crash_fails_that_file_only(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import astc.api

    real = astc.api.compile_source

    def crashing(source: str, *, filename: str, options: object = None) -> object:
        if filename.endswith("plain.py"):
            raise RuntimeError("boom")
        return real(source, filename=filename, options=options)  # type: ignore[arg-type]

    monkeypatch.setattr(astc.api, "compile_source", crashing)
    result = cli("compile", str(project / "pkg"), "-W", "1")
    assert result.exit_code == 123
    plain = project / "pkg" / "plain.py"
    assert f"{plain}: error: internal error: RuntimeError: boom [ASTC003]" in (
        result.stderr
    )
    assert "4 files compiled, 1 file failed to compile." in result.stderr


def test_verify_catches_lost_public_names_and_non_idempotent_output() -> None:
    from astc.cli._verify import public_names, verify
    from astc.options import Options

    source = "import os.path\nx = 1\nif x:\n    def f(): pass\nclass C: y = 2\n_p = 3\n"
    code = compile_source(source, filename="m.py").code
    assert code is not None
    assert verify(source, code, "m.py", Options()) is None
    assert public_names(ast.parse(source)) == {"os", "x", "f", "C"}
    lost = compile_source("x = 1\n", filename="m.py").code
    assert verify("x = 1\ny = 2\n", lost or "", "m.py", Options()) == (
        "public names changed: lost y"
    )
    assert "not idempotent" in (verify("x = 1 + 1\n", "x = 1 + 1\n", "m.py", Options()) or "")
    assert "does not compile" in (verify("x = 1\n", "x = (\n", "m.py", Options()) or "")


class _Recorder(Reporter):
    def __init__(self) -> None:
        super().__init__("human", 0, False, False)
        self.seen: list[int] = []

    def file(self, outcome: Outcome) -> None:
        self.seen.append(outcome.index)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [False, True])
def test_results_are_reported_in_order_whatever_order_they_finish(
    terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    reporter = _Recorder()
    slots: list[Outcome | None] = [None] * 25
    slots[3] = Outcome(3, "cached.py", None, Status.UNCHANGED)  # known before any job ran
    streamer = _Streamer(slots, reporter, progress=True)
    with streamer:
        for index in [7, 0, 24, 1, 2, *range(4, 7), *range(8, 24)]:
            streamer.done(Outcome(index, f"f{index}.py", None, Status.COMPILED))
            if not terminal and index == 0:
                assert reporter.seen == [0]  # streamed as soon as the head is known
    assert reporter.seen == list(range(25))
    assert ("compiling" in stderr.getvalue()) is terminal  # progress bar on a terminal only


def test_excluded_stdin_file_is_echoed_with_force_exclude(project: Path) -> None:
    name = str(project / "build" / "gen.py")
    args = ["compile", "-", "--stdin-filename", name]
    echoed = cli(*args, "--force-exclude", stdin=FANCY)
    assert echoed.exit_code == 0 and echoed.stdout == FANCY
    compiled = cli(*args, stdin=FANCY)
    assert compiled.exit_code == 0 and without_header(compiled.stdout).rstrip().endswith("print(10)")
