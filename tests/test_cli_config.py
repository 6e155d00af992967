"""``[tool.astc]``: discovery, precedence (command line > environment > file > default),
unknown keys, bad values, ``astc config``, and options derived from ``astc.Options``."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Literal

import click
import pytest
from _cli_project import astc, make_project
from click.testing import CliRunner, Result

from astc import Options
from astc.cli import main
from astc.cli._params import build_options, option_fields
from astc.cli.compile import compile_cmd
from tests.conftest import without_header


def cli(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def guarded(path: Path) -> bool:
    return "if add is _astc_add" in path.read_text()


def test_config_found_from_a_nested_source_and_command_line_wins(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", '[tool.astc]\nassume_stable = true\nout-dir = "dist"\n')
    src = project / "pkg" / "fancy.py"
    assert cli("compile", str(src), "-W", "1").exit_code == 0
    out = project / "dist" / "pkg" / "fancy.py"  # out-dir relative to the pyproject.toml
    assert not guarded(out)  # assume-stable from the file: no guard
    assert cli("compile", str(src), "--no-assume-stable", "-W", "1").exit_code == 0
    assert guarded(out)  # the command line beats the file


def test_default_applies_without_a_table(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", '[project]\nname = "x"\n')
    assert cli("compile", str(project / "pkg" / "fancy.py"), "-W", "1").exit_code == 0
    assert guarded(project / "build" / "astc" / "pkg" / "fancy.py")


def test_root_is_the_first_marker_upwards(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    outer.mkdir()
    (outer / "pyproject.toml").write_text("[tool.astc]\nassume-stable = true\n")
    inner = make_project(outer / "inner")  # its .git stops the search before outer's table
    proc = astc("config", "pkg", cwd=inner)
    assert proc.returncode == 0
    assert f"# project root: {inner}" in proc.stdout
    assert "assume-stable = false  # default" in proc.stdout


def test_unknown_keys_warn_but_run(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", "[tool.astc]\nfrobnicate = 1\n[tool.astc.hook]\nx = 1\n")
    result = cli("compile", str(project / "pkg"), "-W", "1")
    assert result.exit_code == 0
    assert "unknown key 'frobnicate' in [tool.astc]" in result.stderr
    assert "hook" not in result.stderr  # sub-tables belong to other features


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('workers = "many"\n', 'workers: expected an integer of at least 1, got "many"'),
        ('passes = ["inline", "nope"]\n', 'passes: expected a list of names from inline, '),
        ("max-iterations = 0\n", "max-iterations: expected an integer of at least 1, got 0"),
        ("x = [\n", "pyproject.toml: error: not valid TOML: "),
    ],
)
def test_bad_configuration_is_exit_2(tmp_path: Path, table: str, message: str) -> None:
    project = make_project(tmp_path / "p", "[tool.astc]\n" + table)
    result = cli("compile", str(project / "pkg"))
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert not (project / "build").exists()


def test_astc_config_says_where_each_value_came_from(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", "[tool.astc]\nassume-stable = true\n")
    env = {"ASTC_CACHE_DIR": str(tmp_path / "c")}
    result = cli("config", str(project / "pkg"), "-W", "3", "--disable", "inline", env=env)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"assume-stable = true  # {project / 'pyproject.toml'}" in lines
    assert "workers = 3  # command line" in lines
    assert f'cache-dir = "{tmp_path / "c"}"  # environment' in lines
    assert f'out-dir = "{project / "build" / "astc"}"  # default' in lines
    assert 'disable = ["inline"]  # command line' in lines


def test_environment_beats_file_for_the_cache_dir(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", '[tool.astc]\ncache-dir = "filecache"\n')
    env = {"ASTC_CACHE_DIR": str(tmp_path / "envcache")}
    assert cli("compile", str(project / "pkg"), "-W", "1", env=env).exit_code == 0
    assert (tmp_path / "envcache" / "CACHEDIR.TAG").exists()
    assert not (project / "filecache").exists()
    assert cli("compile", str(project / "pkg"), "-W", "1", "--no-cache").exit_code == 0
    assert cli("compile", str(project / "pkg"), "-W", "1").exit_code == 0
    assert (project / "filecache" / "CACHEDIR.TAG").exists()


def test_pass_selection(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    src = str(project / "pkg" / "fancy.py")
    out = project / "build" / "astc" / "pkg" / "fancy.py"
    assert cli("compile", src, "--disable", "call-fold", "-W", "1").exit_code == 0
    assert without_header(out.read_text()).rstrip().endswith("print(fancy_func(1, 2, 3, 4))")
    assert cli("compile", src, "--passes", "call-fold", "-W", "1").exit_code == 0
    text = out.read_text()
    assert without_header(text).rstrip().endswith("print(10)") and not guarded(out)  # no inlining ran
    assert cli("compile", src, "--passes", "inline,bogus").exit_code == 2


def test_every_options_field_is_an_option_and_a_config_key() -> None:
    names = {p.name for p in compile_cmd.params}
    for field in dataclasses.fields(Options):
        assert field.name in names
    flags = {o for p in compile_cmd.params for o in getattr(p, "opts", [])}
    assert {"--assume-stable", "--passes", "--max-iterations", "--fold-step-budget"} <= flags


@dataclasses.dataclass(frozen=True)
class FutureOptions:
    """Stands in for ``Options`` with the fields other features will add."""

    #: Which functions become Numba kernels.
    kernels: str = "auto"
    target: Literal["cpu", "cuda"] = "cpu"
    ratio: float = 0.5
    limit: int | None = None
    assume_stable: bool = False
    names: tuple[str, ...] = ("a", "b")
    opaque: dict[str, int] = dataclasses.field(default_factory=dict)


def test_new_fields_become_options_without_cli_edits() -> None:
    fields = {f.name: f for f in option_fields(FutureOptions)}
    assert set(fields) == {"kernels", "target", "ratio", "limit", "assume_stable", "names"}

    @click.command()
    def cmd(**params: object) -> None:
        click.echo(repr(sorted(params.items())))

    for field in fields.values():
        cmd.params.append(field.make())
    result = CliRunner().invoke(
        cmd, ["--kernels", "all", "--target", "cuda", "--assume-stable", "--names", "x,y"]
    )
    assert result.exit_code == 0, result.output
    assert "('kernels', 'all')" in result.output and "('target', 'cuda')" in result.output
    assert "('assume_stable', True)" in result.output and "('names', ('x', 'y'))" in result.output
    assert CliRunner().invoke(cmd, ["--target", "gpu"]).exit_code == 2
    assert fields["kernels"].attrs["help"] == "Which functions become Numba kernels."


def test_build_options_keeps_pass_order_and_rejects_bad_values() -> None:
    options = build_options({"passes": ("dead-code", "inline"), "disable": ()})
    assert options.passes == ("inline", "dead-code")
    assert build_options({}, stop_after="call-fold").passes == ("inline", "call-fold")
    with pytest.raises(click.UsageError):
        build_options({"max_iterations": 0})
