"""The import hook, in process: one test (or a few) per item of the issue's checklist.

Each test writes a throw-away package, imports it with the hook, and checks both what the
hook did (loader, cache entries, warnings) and that the program behaves as the plain one.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.machinery
import importlib.resources
import importlib.util
import inspect
import linecache
import os
import sys
import traceback
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hook_support import FANCY, Project, astc_finders, compiled, forget, fresh_import

import astc
from astc.config import ConfigError
from astc.hook import AstcHookWarning, cache, fingerprint
from astc.hook.finder import AstcFinder
from astc.hook.loader import AstcLoader
from astc.hook.settings import HookSettings
from astc.options import Options


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    """A source tree on sys.path; caching on (the CI environment may turn it off)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    monkeypatch.setenv("ASTC_CACHE_DIR", str(tmp_path / "usercache"))
    monkeypatch.delenv("ASTC_DISABLE", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path / "src"))
    before = set(sys.modules)
    proj = Project(tmp_path / "src")
    try:
        yield proj
    finally:
        astc.uninstall()
        for name in set(sys.modules) - before:
            del sys.modules[name]
        importlib.invalidate_caches()


def hook(*packages: str, **options: object) -> astc.hook.HookHandle:
    with warnings.catch_warnings():
        warnings.simplefilter("error", AstcHookWarning)  # no warning expected here
        return astc.install(list(packages), options=Options(**options))  # type: ignore[arg-type]


# 1. Select by package-name prefix, name check before any file system access ----------------


def test_selects_by_package_prefix_only(project: Project) -> None:
    project.package("hk1", {"mod": FANCY})
    project.package("hk1x", {"mod": FANCY})  # shares the prefix "hk1", is not in the package
    hook("hk1")
    assert compiled(fresh_import("hk1.mod"))
    assert type(sys.modules["hk1"].__loader__) is AstcLoader
    plain = fresh_import("hk1x.mod")
    assert not compiled(plain) and plain.RESULT == 10  # type: ignore[attr-defined]


def test_name_check_comes_before_the_file_system(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def spy(name: str, path: object = None, target: object = None) -> None:
        calls.append(name)

    monkeypatch.setattr(importlib.machinery.PathFinder, "find_spec", spy)
    finder = AstcFinder(HookSettings(("hk",), "0" * 16, options=Options()))
    for name in ("hkx", "hk_sub", "other.hk", "h", "json"):
        assert finder.find_spec(name) is None
    assert calls == []
    finder.find_spec("hk.sub")
    assert calls == ["hk.sub"]


# 2. Only the loader is swapped; namespace/zip/extension/sourceless/astc are left alone -----


def test_only_plain_source_modules_are_taken_over(project: Project) -> None:
    project.write("hk2ns/mod.py", FANCY)  # namespace package: no __init__.py
    archive = project.root.parent / "hk2zip.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("hk2zip/__init__.py", "")
        zf.writestr("hk2zip/mod.py", FANCY)
    sys.path.insert(0, str(archive))
    source = project.write("hk2pyc/mod.py", FANCY)
    project.write("hk2pyc/__init__.py", "")
    import py_compile

    py_compile.compile(str(source), cfile=str(source.with_suffix(".pyc")))
    source.unlink()
    try:
        handle = hook("hk2ns", "hk2zip", "hk2pyc", "_bisect", "astc", "libcst")
        ns = fresh_import("hk2ns")
        assert ns.__spec__.loader is None or not isinstance(ns.__spec__.loader, AstcLoader)
        assert compiled(fresh_import("hk2ns.mod"))  # a source module inside one is compiled
        zipped = fresh_import("hk2zip.mod")
        assert not compiled(zipped) and type(zipped.__loader__).__name__ == "zipimporter"
        sourceless = fresh_import("hk2pyc.mod")
        assert not compiled(sourceless) and sourceless.RESULT == 10  # type: ignore[attr-defined]
        finder = handle.finder
        assert finder is not None
        assert finder.find_spec("_bisect") is None  # extension module
        assert finder.find_spec("astc.api") is None and finder.find_spec("libcst") is None
    finally:
        sys.path.remove(str(archive))


def test_never_patches_cpython_and_no_recursion(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import _bootstrap_external as ext

    before = (ext.SourceLoader.get_code, ext.SourceLoader.source_to_code, builtins.compile)
    project.package("hk2r", {"mod": FANCY, "dep": FANCY})
    import astc.hook.compiler as compiler_mod

    real = compiler_mod.compile_module
    seen: list[object] = []

    def compile_and_import(data: bytes, path: str, options: Options) -> object:
        if path.endswith("mod.py"):  # an import made while compiling must stay plain
            seen.append(importlib.import_module("hk2r.dep"))
        return real(data, path, options)

    monkeypatch.setattr(compiler_mod, "compile_module", compile_and_import)
    hook("hk2r")
    assert compiled(fresh_import("hk2r.mod"))
    assert (
        not compiled(seen[0]) and type(seen[0].__loader__) is importlib.machinery.SourceFileLoader
    )  # type: ignore[attr-defined]
    assert (ext.SourceLoader.get_code, ext.SourceLoader.source_to_code, builtins.compile) == before


# 3. A cache name of its own: plain imports never load astc code and vice versa ------------


def test_cache_never_collides_with_plain_pyc(project: Project) -> None:
    pkg = project.package("hk3", {"mod": FANCY})
    handle = hook("hk3")
    assert compiled(fresh_import("hk3.mod"))
    [entry] = [e for e in project.entries() if e.name.startswith("mod.")]
    tag = sys.implementation.cache_tag
    assert entry.name == f"mod.{tag}.opt-astc-{handle.finder.settings.fingerprint}.pyc"  # type: ignore[union-attr]
    handle.uninstall()
    plain = fresh_import("hk3.mod")  # the plain import writes and then reads its own .pyc
    assert not compiled(plain) and plain.RESULT == 10  # type: ignore[attr-defined]
    assert not compiled(fresh_import("hk3.mod"))
    plain_pyc = Path(importlib.util.cache_from_source(str(pkg / "mod.py")))
    assert plain_pyc.exists() and plain_pyc != entry
    hook("hk3")
    assert compiled(fresh_import("hk3.mod"))  # astc does not take the plain .pyc


# 4. Fingerprint over versions/options/-O; validation by source hash, not mtime -------------


def test_fingerprint_covers_what_decides_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    base = fingerprint.fingerprint(Options())
    assert base == fingerprint.fingerprint(Options())
    assert base != fingerprint.fingerprint(Options(assume_stable=True))
    assert base != fingerprint.fingerprint(Options(passes=("inline",)))
    versions = {"libcst": "1.9.0", "numba": "0.60"}
    monkeypatch.setattr(fingerprint, "_version", lambda name: versions[name])
    pinned = fingerprint.fingerprint(Options())
    versions["libcst"] = "1.9.1"
    assert fingerprint.fingerprint(Options()) != pinned
    versions["libcst"], versions["numba"] = "1.9.0", "absent"
    assert fingerprint.fingerprint(Options()) != pinned
    versions["numba"] = "0.60"
    monkeypatch.setattr(fingerprint, "__version__", "9.9.9")
    assert fingerprint.fingerprint(Options()) != pinned


def test_fingerprint_covers_optimization_level(tmp_path: Path) -> None:
    import subprocess

    from hook_support import clean_env

    code = "from astc.hook.fingerprint import fingerprint as f, Options; print(f(Options()))"
    prints = {
        flag: subprocess.run(
            [sys.executable, *flag.split(), "-c", code],
            env=clean_env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for flag in ("-E", "-O", "-OO")
    }
    assert len(set(prints.values())) == 3


def test_same_size_same_mtime_edit_is_seen(project: Project) -> None:
    path = project.package("hk4", {"mod": "VALUE = 2 * 21\n"}) / "mod.py"
    hook("hk4")
    assert fresh_import("hk4.mod").VALUE == 42  # type: ignore[attr-defined]
    stat = path.stat()
    path.write_text("VALUE = 3 * 21\n")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: mtime cannot tell
    assert fresh_import("hk4.mod").VALUE == 63  # type: ignore[attr-defined]


def test_fresh_checkout_mtime_does_not_invalidate(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project.package("hk4b", {"mod": FANCY}) / "mod.py"
    hook("hk4b")
    fresh_import("hk4b.mod")
    compiles = _count_compiles(monkeypatch)
    os.utime(path, (1, 1))  # a checkout sets arbitrary mtimes
    assert compiled(fresh_import("hk4b.mod"))
    assert compiles == []  # served from the cache


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import astc.hook.compiler as compiler_mod

    calls: list[str] = []
    real = compiler_mod.compile_module

    def counting(data: bytes, path: str, options: Options) -> object:
        calls.append(path)
        return real(data, path, options)

    monkeypatch.setattr(compiler_mod, "compile_module", counting)
    return calls


# 5. Bad entries are misses; writes atomic, failures ignored, flags honoured, fallback ------


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:10],  # truncated header
        lambda b: b[: len(b) // 2],  # truncated code
        lambda b: b"garbage",
        lambda b: b"",
        lambda b: b[:16] + b"\x00" * (len(b) - 16),  # valid header, nonsense body
        lambda b: importlib.util.MAGIC_NUMBER[:3] + b"x" + b[4:],  # another magic
    ],
)
def test_malformed_entry_is_a_miss(project: Project, damage: object) -> None:
    project.package("hk5", {"mod": FANCY})
    hook("hk5")
    fresh_import("hk5.mod")
    [entry] = [e for e in project.entries() if e.name.startswith("mod.")]
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    module = fresh_import("hk5.mod")
    assert compiled(module) and module.RESULT == 10  # type: ignore[attr-defined]
    assert cache.decode(entry.read_bytes(), _hash(module), module.__file__) is not None  # rewritten


def _hash(module: object) -> bytes:
    return importlib.util.source_hash(Path(module.__file__).read_bytes())  # type: ignore[attr-defined]


def test_unwritable_pycache_falls_back_then_gives_up(project: Project, tmp_path: Path) -> None:
    pkg = project.package("hk5b", {"mod": FANCY})
    (pkg / "__pycache__").write_text("a file where the directory should be")
    hook("hk5b")
    assert compiled(fresh_import("hk5b.mod"))
    fallback = list((tmp_path / "usercache").rglob("mod.*.opt-astc-*.pyc"))
    assert len(fallback) == 1 and str(pkg).lstrip("/") in str(fallback[0])
    assert compiled(fresh_import("hk5b.mod"))  # read back from the fallback
    (tmp_path / "usercache").rename(tmp_path / "moved")
    (tmp_path / "usercache").write_text("not a directory either")
    module = fresh_import("hk5b.mod")  # nothing writable at all: still imports, compiled
    assert compiled(module) and module.RESULT == 10  # type: ignore[attr-defined]
    assert not list(project.root.rglob("*.tmp"))


def test_dont_write_bytecode_and_pycache_prefix(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.package("hk5c", {"mod": FANCY})
    hook("hk5c")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert compiled(fresh_import("hk5c.mod"))
    # -B: nothing beside the sources, but astc's own cache directory keeps the entry
    assert project.entries() == []
    assert len(list((tmp_path / "usercache").rglob("mod.*.opt-astc-*.pyc"))) == 1
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    assert compiled(fresh_import("hk5c.mod"))
    assert project.entries() == []
    assert len(list((tmp_path / "prefix").rglob("mod.*.opt-astc-*.pyc"))) == 1


def test_dont_write_bytecode_keeps_the_hook_cache_warm(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import astc.hook.compiler as compiler_mod

    project.package("hk5e", {"mod": FANCY})
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    hook("hk5e")
    assert compiled(fresh_import("hk5e.mod"))

    def no_compiling(*args: object) -> None:
        raise AssertionError("the second import must be a cache hit")

    monkeypatch.setattr(compiler_mod, "compile_module", no_compiling)
    module = fresh_import("hk5e.mod")
    assert compiled(module)
    assert module.__cached__.startswith(str(tmp_path / "usercache"))  # type: ignore[attr-defined]
    assert Path(module.__cached__).is_file()  # type: ignore[attr-defined]


def test_astc_no_cache_writes_no_entry_anywhere(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.package("hk5f", {"mod": FANCY})
    monkeypatch.setenv("ASTC_NO_CACHE", "1")
    hook("hk5f")
    module = fresh_import("hk5f.mod")
    assert compiled(module) and module.__cached__ is None  # type: ignore[attr-defined]
    assert project.entries() == [] and not (tmp_path / "usercache").exists()


def test_pythondontwritebytecode_in_a_real_interpreter(project: Project, tmp_path: Path) -> None:
    from hook_support import run

    project.package("hk5g", {"mod": FANCY})
    script = (
        "import sys, astc; astc.install(['hk5g']); import hk5g.mod\n"
        "print(hk5g.mod._astc_add is not None, 'astc.hook.compiler' in sys.modules)\n"
    )
    env = {
        "PYTHONDONTWRITEBYTECODE": "1",
        "ASTC_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": os.pathsep.join([str(project.root), str(Path(astc.__file__).parent.parent)]),
    }
    first = run([sys.executable, "-c", script], cwd=project.root, **env)
    second = run([sys.executable, "-c", script], cwd=project.root, **env)
    assert first.stdout == "True True\n", first.stderr
    assert second.stdout == "True False\n", second.stderr  # warm: no compiler loaded
    assert project.entries() == [] and not list(project.root.rglob("__pycache__"))


def test_atomic_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "d" / "entry.pyc"
    cache.write_atomic(str(target), b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        cache.write_atomic(str(target), b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["entry.pyc"]


# 6. A compile failure imports the original module, with one warning --------------------


def test_compile_failure_imports_original_and_warns_once(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import astc.hook.compiler as compiler_mod

    project.package("hk6", {"mod": FANCY})

    def boom(data: bytes, path: str, options: Options) -> None:
        raise RuntimeError("compiler exploded")

    monkeypatch.setattr(compiler_mod, "compile_module", boom)
    hook("hk6")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = fresh_import("hk6.mod")
        importlib.reload(module)
    assert not compiled(module) and module.RESULT == 10  # type: ignore[attr-defined]
    messages = [str(w.message) for w in caught if issubclass(w.category, AstcHookWarning)]
    assert messages == [  # one per module (the package too), none again on reload
        f"astc: could not compile {name} (RuntimeError: compiler exploded); imported it unchanged"
        for name in ("hk6", "hk6.mod")
    ]
    assert project.entries() == []


def test_compile_failure_under_error_filter_still_imports(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import astc.hook.compiler as compiler_mod

    project.package("hk6b", {"mod": FANCY})
    monkeypatch.setattr(compiler_mod, "compile_module", lambda *a: 1 / 0)
    hook("hk6b")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fresh_import("hk6b.mod").RESULT == 10  # type: ignore[attr-defined]
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_valid_module_astc_cannot_compile_is_imported_plain_with_a_warning(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import astc.hook.compiler as compiler_mod
    from astc.diagnostics import Code, CompileResult, Diagnostic

    project.package("hk6d", {"mod": FANCY})

    def refuse(source: str, *, filename: str, options: Options) -> CompileResult:
        diag = Diagnostic(filename, 3, 1, "cannot parse: too deep", Code.SYNTAX_ERROR)
        return CompileResult(filename, source, None, [diag])

    monkeypatch.setattr(compiler_mod, "compile_source", refuse)
    hook("hk6d")
    with pytest.warns(
        AstcHookWarning,
        match=r"could not compile hk6d\.mod \(.*mod\.py:3:1: "
        r"error: cannot parse: too deep \[ASTC001\]\); imported it unchanged",
    ):
        module = fresh_import("hk6d.mod")
    assert not compiled(module) and module.RESULT == 10  # type: ignore[attr-defined]
    # the plain import's own .pyc, not an astc entry that was never written
    assert module.__cached__ == importlib.util.cache_from_source(module.__file__)  # type: ignore[attr-defined]
    assert Path(module.__cached__).is_file()  # type: ignore[attr-defined]
    assert project.entries() == []


def test_cached_names_the_file_the_code_came_from(project: Project, tmp_path: Path) -> None:
    pkg = project.package("hk6e", {"mod": FANCY, "skipped": "# astc: skip-file\n" + FANCY})
    hook("hk6e")
    skipped = fresh_import("hk6e.skipped")
    assert skipped.__cached__ == importlib.util.cache_from_source(skipped.__file__)  # type: ignore[attr-defined]
    assert Path(skipped.__cached__).is_file()  # type: ignore[attr-defined]
    for directory in pkg.rglob("__pycache__"):
        for entry in directory.iterdir():
            entry.unlink()
        directory.rmdir()
    (pkg / "__pycache__").write_text("a file where the directory should be")
    for _ in range(2):  # compiled into the fallback, then read back from there
        module = fresh_import("hk6e.mod")
        assert compiled(module)
        assert module.__cached__.startswith(str(tmp_path / "usercache"))  # type: ignore[attr-defined]
        assert Path(module.__cached__).is_file()  # type: ignore[attr-defined]
        assert module.__spec__.cached == module.__cached__  # type: ignore[attr-defined]


def test_syntax_error_is_the_plain_one_without_warning(project: Project) -> None:
    project.package("hk6c", {"bad": "def f(:\n    pass\n"})
    hook("hk6c")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(SyntaxError) as info:
            fresh_import("hk6c.bad")
    assert info.value.filename.endswith("bad.py") and info.value.lineno == 1


# 7. Warn about selected modules imported before the hook ----------------------------------


def test_warns_for_modules_imported_before_install(project: Project) -> None:
    project.package("hk7", {"mod": FANCY, "other": FANCY})
    fresh_import("hk7.mod")
    with pytest.warns(AstcHookWarning, match=r"hk7, hk7\.mod were imported before") as record:
        astc.install(["hk7"])
    assert record[0].filename == __file__  # points at the install() call
    assert not compiled(sys.modules["hk7.mod"])
    assert compiled(importlib.import_module("hk7.other"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        astc.install(["hk7never"])  # nothing imported: no warning


# 8. Tracebacks, inspect, linecache, tracing: the user's file and lines ---------------------

INLINED = """\
import sys


def helper(x):
    return 10 / x


def caller(a):
    y = helper(a)
    return y


def untouched(n):
    total = 0
    for i in range(n):
        total += i
    return total


def fails_later():
    raise ValueError("line 21")
"""


def test_traceback_from_inlined_call_points_at_user_lines(project: Project) -> None:
    path = project.package("hk8", {"mod": INLINED}) / "mod.py"
    hook("hk8")
    module = fresh_import("hk8.mod")
    assert hasattr(module, "_astc_helper")  # the call was inlined behind a guard
    with pytest.raises(ZeroDivisionError) as info:
        module.caller(0)  # type: ignore[attr-defined]
    frames = traceback.extract_tb(info.value.__traceback__)
    last = frames[-1]
    assert last.filename == str(path) and last.lineno == 9 and last.name == "caller"
    assert last.line == "y = helper(a)"
    with pytest.raises(ValueError) as later:
        module.fails_later()  # type: ignore[attr-defined]
    last = traceback.extract_tb(later.value.__traceback__)[-1]
    assert (last.lineno, last.line) == (21, 'raise ValueError("line 21")')
    text = "".join(traceback.format_exception(later.value))
    assert f'File "{path}", line 21, in fails_later' in text


def test_inspect_linecache_and_tracing_see_the_source(project: Project) -> None:
    path = project.package("hk8b", {"mod": INLINED}) / "mod.py"
    hook("hk8b")
    compiled_mod = fresh_import("hk8b.mod")
    untouched = compiled_mod.untouched  # type: ignore[attr-defined]
    assert inspect.getsource(untouched) == "".join(INLINED.splitlines(True)[12:17])
    assert inspect.getsource(compiled_mod.caller).startswith("def caller(a):\n    y = helper(a)")  # type: ignore[attr-defined]
    assert inspect.getsourcefile(untouched) == str(path)
    assert linecache.getline(str(path), untouched.__code__.co_firstlineno) == "def untouched(n):\n"
    astc_lines = _traced_lines(untouched, 3)
    astc.uninstall()
    plain = fresh_import("hk8b.mod")
    assert not hasattr(plain, "_astc_helper")
    assert astc_lines == _traced_lines(plain.untouched, 3)  # type: ignore[attr-defined]  # pdb/coverage see the same lines
    assert untouched.__code__.co_firstlineno == plain.untouched.__code__.co_firstlineno  # type: ignore[attr-defined]


def _traced_lines(func: object, arg: int) -> list[tuple[str, int]]:
    seen: list[tuple[str, int]] = []

    def tracer(frame: object, event: str, _arg: object) -> object:
        if event == "line":
            seen.append((frame.f_code.co_filename, frame.f_lineno))  # type: ignore[attr-defined]
        return tracer

    sys.settrace(tracer)
    try:
        func(arg)  # type: ignore[operator]
    finally:
        sys.settrace(None)
    return seen


# 9. The loader API keeps working ----------------------------------------------------------


def test_loader_api_source_resources_reload_and_attributes(project: Project) -> None:
    pkg = project.package("hk9", {"mod": FANCY})
    (pkg / "data.txt").write_text("payload")
    handle = hook("hk9")
    module = fresh_import("hk9.mod")
    package = sys.modules["hk9"]
    loader = module.__spec__.loader
    assert isinstance(loader, AstcLoader) and module.__loader__ is loader
    assert loader.get_source("hk9.mod") == FANCY
    assert module.__file__ == str(pkg / "mod.py")
    assert module.__cached__ == cache.entry_name(
        module.__file__, handle.finder.settings.fingerprint
    )  # type: ignore[union-attr]
    assert Path(module.__cached__).exists()
    assert package.__path__ == [str(pkg)] and loader.is_package("hk9.mod") is False
    assert importlib.resources.files("hk9").joinpath("data.txt").read_text() == "payload"
    (pkg / "mod.py").write_text(FANCY.replace("1, 2, 3, 4", "1, 2, 3, 5"))
    reloaded = importlib.reload(module)
    assert reloaded is module and module.RESULT == 11 and compiled(module)  # type: ignore[attr-defined]


# 10. `# astc: skip-file` ---------------------------------------------------------------


def test_skip_file_comment_opts_out(project: Project) -> None:
    project.package(
        "hk10",
        {
            "skipped": "# astc: skip-file\n" + FANCY,
            "late": FANCY + "#astc:skip-file  (not wanted here)\n",
            "indented": FANCY.replace("    return g", "    # astc: skip-file\n    return g"),
            "string": FANCY + 'TEXT = """\n# astc: skip-files\n"""\n',
        },
    )
    hook("hk10")
    assert not compiled(fresh_import("hk10.skipped"))
    assert not compiled(fresh_import("hk10.late"))
    assert compiled(fresh_import("hk10.indented"))  # only an unindented comment line counts
    assert compiled(fresh_import("hk10.string"))
    assert [e.name.split(".")[0] for e in project.entries()] == ["__init__", "indented", "string"]


# configuration and the handle -------------------------------------------------------------


def test_install_reads_tool_astc_hook(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.package("hk11", {"mod": FANCY})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.astc.hook]\npackages = ["hk11"]\nassume-stable = true\n'
    )
    monkeypatch.chdir(tmp_path)
    with astc.install() as handle:
        assert handle.active and handle.finder.settings.options.assume_stable  # type: ignore[union-attr]
        module = fresh_import("hk11.mod")
    assert not handle.active and astc_finders() == []
    assert module.RESULT == 10 and not hasattr(module, "_astc_add")  # type: ignore[attr-defined]  # no guard
    assert "return a + b + (c + d)" in _compiled_text(module)
    (tmp_path / "pyproject.toml").write_text("[tool.astc.hook]\npackages = 3\n")
    with pytest.raises(
        ConfigError, match=r"\[tool.astc.hook\] packages: expected a list of strings, got 3"
    ):
        astc.install()


def _compiled_text(module: object) -> str:
    from astc.api import compile_file

    code = compile_file(module.__file__, options=Options(assume_stable=True)).code  # type: ignore[attr-defined]
    assert code is not None
    return code


def test_astc_disable_turns_install_off(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    project.package("hk12", {"mod": FANCY})
    monkeypatch.setenv("ASTC_DISABLE", "1")
    handle = astc.install(["hk12"])
    assert not handle.active and astc_finders() == []
    assert not compiled(fresh_import("hk12.mod"))
    monkeypatch.setenv("ASTC_DISABLE", "0")
    with pytest.warns(AstcHookWarning, match="imported before"):
        assert astc.install(["hk12"]).active


def test_bad_package_names_are_refused() -> None:
    for bad in (["a-b"], [""], ["a..b"], [3]):
        with pytest.raises(ValueError, match="not a package name"):
            astc.install(bad)  # type: ignore[arg-type]
    assert astc_finders() == []


def test_uninstall_removes_every_hook(project: Project) -> None:
    first, second = astc.install(["hk13a"]), astc.install(["hk13b"])
    assert first.active and second.active and len(astc_finders()) == 2
    first.uninstall()
    first.uninstall()  # idempotent
    assert astc_finders() == [second.finder]
    astc.uninstall()
    assert astc_finders() == [] and not second.active
    forget("hk13a")
