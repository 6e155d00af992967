"""``astc run``, spawned children and concurrent first imports: the hook across processes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hook_support import ASTC, FANCY, PYTHON, Project, run

from astc.hook import cache

REPORT = """\
import json, sys
import {pkg}.mod as mod

def describe():
    main = sys.modules["__main__"]
    return {{
        "mod_loader": type(mod.__loader__).__name__,
        "mod_compiled": hasattr(mod, "_astc_add"),
        "main_compiled": hasattr(main, "_astc_add"),
        "main_name": main.__name__,
    }}
"""


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def _script(project: Project, pkg: str, body: str) -> Path:
    project.package(pkg, {"mod": FANCY})
    return project.write("prog.py", REPORT.format(pkg=pkg) + FANCY + body)


def test_run_script_compiles_main_and_packages(project: Project) -> None:
    script = _script(
        project,
        "rp1",
        "print(json.dumps(dict(describe(), argv=sys.argv, file=__file__, path0=sys.path[0])))\n"
        "sys.exit(RESULT - 7)\n",
    )
    result = run([*ASTC, "run", "--hook", "rp1", "prog.py", "a", "--hook", "b"], project.root)
    assert result.returncode == 3, result.stderr  # the program's exit status
    seen = json.loads(result.stdout)
    assert seen["mod_loader"] == "AstcLoader" and seen["mod_compiled"] and seen["main_compiled"]
    assert seen["argv"] == ["prog.py", "a", "--hook", "b"]  # options after SCRIPT are its own
    assert seen["file"] == str(script) and seen["path0"] == str(project.root)
    assert result.stderr == ""
    plain = run([PYTHON, "prog.py", "a"], project.root)
    assert plain.returncode == 3
    assert json.loads(plain.stdout)["mod_compiled"] is False  # the plain import is plain again


def test_run_module_and_traceback(project: Project) -> None:
    project.package("rp2", {"mod": FANCY, "__main__": FANCY + "import sys\nprint(sys.argv)\n1/0\n"})
    result = run([*ASTC, "run", "-m", "rp2", "x"], project.root)
    assert result.returncode == 1
    assert result.stdout == f"[{str(project.root / 'rp2' / '__main__.py')!r}, 'x']\n"
    assert f'File "{project.root / "rp2" / "__main__.py"}", line 13, in <module>' in result.stderr
    assert result.stderr.rstrip().endswith("ZeroDivisionError: division by zero")


def test_run_module_cached_names_an_existing_file(project: Project, tmp_path: Path) -> None:
    body = "import os, sys\nprint(__cached__ is None or os.path.exists(__cached__))\n"
    for name, env in (
        ("rp2c", {}),
        ("rp2d", {"ASTC_NO_CACHE": "1"}),  # no entry anywhere: __cached__ is None
        ("rp2e", {"PYTHONDONTWRITEBYTECODE": "1", "ASTC_CACHE_DIR": str(tmp_path / "c")}),
    ):
        project.package(name, {"mod": FANCY, "__main__": FANCY + body})
        for _ in range(2):  # cold, then warm
            result = run([*ASTC, "run", "-m", name], project.root, **env)
            assert result.stdout == "True\n", (name, result.stderr)


def test_run_errors_and_disable(project: Project) -> None:
    assert run([*ASTC, "run", "missing.py"], project.root).returncode == 2
    assert run([*ASTC, "run"], project.root).returncode == 2
    assert run([*ASTC, "run", "--hook", "a-b", "-m", "x"], project.root).returncode == 2
    missing = run([*ASTC, "run", "-m", "no_such_module_rp"], project.root)
    assert missing.returncode == 1 and "No module named no_such_module_rp" in missing.stderr
    project.write("bad.py", "x = 1\ndef f(:\n")
    bad, plain_bad = (
        run([*ASTC, "run", "bad.py"], project.root),
        run([PYTHON, "bad.py"], project.root),
    )
    assert (
        (bad.returncode, bad.stderr) == (plain_bad.returncode, plain_bad.stderr) == (1, bad.stderr)
    )
    assert 'bad.py", line 2' in bad.stderr
    _script(project, "rp3", "print(json.dumps(describe()))\n")
    off = run([*ASTC, "run", "--hook", "rp3", "prog.py"], project.root, ASTC_DISABLE="1")
    assert off.returncode == 0, off.stderr
    assert json.loads(off.stdout) == {
        "mod_loader": "SourceFileLoader",
        "mod_compiled": False,
        "main_compiled": False,
        "main_name": "__main__",
    }
    assert not list(project.root.rglob("*.opt-astc-*"))


# 11. multiprocessing with the spawn start method -------------------------------------------

SPAWN = """
import multiprocessing as mp

def work(_):
    return describe()

if __name__ == "__main__":
    mp.set_start_method("spawn")
    with mp.Pool(2) as pool:
        print(json.dumps([describe(), *pool.map(work, [1, 2])]))
"""


def test_spawned_children_of_astc_run_are_hooked(project: Project) -> None:
    _script(project, "rp4", SPAWN)
    result = run([*ASTC, "run", "--hook", "rp4", "prog.py"], project.root)
    assert result.returncode == 0, result.stderr
    parent, *children = json.loads(result.stdout)
    assert parent["main_name"] == "__main__"
    for child in children:
        assert child == {
            "mod_loader": "AstcLoader",
            "mod_compiled": True,
            "main_compiled": True,
            "main_name": "__mp_main__",
        }
    plain = run([PYTHON, "prog.py"], project.root)
    assert plain.returncode == 0 and not json.loads(plain.stdout)[1]["mod_compiled"]


def test_spawned_children_of_installed_hook(project: Project) -> None:
    project.package("rp5", {"mod": FANCY})
    project.write(
        "prog.py",
        'import astc\nastc.install(["rp5"])\n' + REPORT.format(pkg="rp5") + SPAWN,
    )
    result = run([PYTHON, "prog.py"], project.root)
    assert result.returncode == 0, result.stderr
    for seen in json.loads(result.stdout):
        assert seen["mod_loader"] == "AstcLoader" and seen["mod_compiled"]


def test_package_main_is_not_rerun_in_children(project: Project) -> None:
    helpers = REPORT.format(pkg="rp6") + "\ndef work(_):\n    return describe()\n"
    main = (
        'print("main ran")\nimport json, multiprocessing as mp\nfrom rp6.helpers import work\n'
        'mp.set_start_method("spawn")\nwith mp.Pool(2) as pool:\n'
        "    print(json.dumps(pool.map(work, [1, 2])))\n"
    )
    project.package("rp6", {"mod": FANCY, "helpers": helpers, "__main__": main})
    result = run([*ASTC, "run", "--hook", "rp6", "-m", "rp6"], project.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("main ran") == 1  # as with `python -m rp6`
    children = json.loads(result.stdout.splitlines()[-1])
    assert [c["mod_loader"] for c in children] == ["AstcLoader", "AstcLoader"]


# 12. Concurrent first imports --------------------------------------------------------------

RACE = """
import multiprocessing as mp, sys, importlib

def first_import(barrier):
    import astc
    astc.install(["rp7"])
    barrier.wait()
    mod = importlib.import_module("rp7.mod")
    return mod.RESULT, hasattr(mod, "_astc_add")

if __name__ == "__main__":
    mp.set_start_method("spawn")
    barrier = mp.Manager().Barrier(4)
    with mp.Pool(4) as pool:
        print(pool.map(first_import, [barrier] * 4))
"""


def test_concurrent_first_imports_make_one_valid_entry(project: Project) -> None:
    filler = "".join(f"\ndef filler{i}(x):\n    return x + {i}\n" for i in range(300))
    pkg = project.package("rp7", {"mod": FANCY + filler})  # big enough for writes to overlap
    project.write("race.py", RACE)
    result = run([PYTHON, "race.py"], project.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str([(10, True)] * 4)
    entries = sorted(p.name for p in (pkg / "__pycache__").iterdir())
    assert [e for e in entries if e.startswith("mod.")] == [
        e for e in entries if e.startswith("mod.") and ".opt-astc-" in e and e.endswith(".pyc")
    ]
    assert len([e for e in entries if e.startswith("mod.")]) == 1  # no temp file left
    [entry] = (pkg / "__pycache__").glob("mod.*.opt-astc-*.pyc")
    source = pkg / "mod.py"
    code = cache.decode(
        entry.read_bytes(), importlib.util.source_hash(source.read_bytes()), str(source)
    )
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["RESULT"] == 10 and "_astc_add" in namespace


def test_children_of_astc_run_share_settings(project: Project) -> None:
    """The environment carries the options: a child compiles with the parent's fingerprint."""
    project.package("rp8", {"mod": FANCY})
    project.write(
        "prog.py",
        "import subprocess, sys, os\n"
        "import rp8.mod\n"
        "print(os.environ['ASTC_HOOK'], os.environ['ASTC_HOOK_FINGERPRINT'])\n",
    )
    result = run([*ASTC, "run", "--assume-stable", "--hook", "rp8", "prog.py"], project.root)
    assert result.returncode == 0, result.stderr
    packages, fingerprint = result.stdout.split()
    assert packages == "rp8"
    [entry] = (project.root / "rp8" / "__pycache__").glob("mod.*.opt-astc-*.pyc")
    assert entry.name.endswith(f".opt-astc-{fingerprint}.pyc")
    code = cache.decode(
        entry.read_bytes(),
        importlib.util.source_hash((project.root / "rp8" / "mod.py").read_bytes()),
        "mod.py",
    )
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert "_astc_add" not in namespace and namespace["RESULT"] == 10  # assume-stable: no guard


def test_run_passes_interpreter_flags_on(project: Project) -> None:
    project.write("prog.py", "import sys\nprint(sys.flags.optimize)\n")
    result = run([PYTHON, "-O", "-m", "astc", "run", "prog.py"], project.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1\n"


def test_run_is_a_registered_command() -> None:
    result = run([*ASTC, "run", "--help"], Path.cwd())
    assert result.returncode == 0
    assert "(-m MODULE | SCRIPT) [ARGS]..." in result.stdout


def test_cold_start_when_the_compiler_needs_the_module_being_imported(project: Project) -> None:
    """The first miss loads the compiler, which imports dataclasses (``from dataclasses
    import dataclass``) — here dataclasses itself is the module half-way through its import.

    The compiler gets a private copy; the program gets the compiled one, and no warning.
    """
    project.write(
        "prog.py",
        "# astc: skip-file (so that compiling this main module does not load the compiler)\n"
        "import sys\n"
        "assert 'libcst' not in sys.modules and 'dataclasses' not in sys.modules\n"
        "import dataclasses\n"
        "print(type(dataclasses.__loader__).__name__, 'libcst' in sys.modules)\n"
        "@dataclasses.dataclass(frozen=True)\n"
        "class P:\n"
        "    x: int\n"
        "print(P(3), dataclasses.asdict(P(4)))\n",
    )
    result = run(
        [*ASTC, "run", "--hook", "dataclasses", "prog.py"],
        project.root,
        PYTHONPYCACHEPREFIX=str(project.root / "c"),
        PYTHONWARNINGS="error",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "AstcLoader True\nP(x=3) {'x': 4}\n"
    assert list((project.root / "c").rglob("dataclasses.*.opt-astc-*.pyc"))
