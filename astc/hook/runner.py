"""``astc run``'s second half: run the program's main script or module, compiled, with the hook.

``astc run`` replaces itself (``os.execv``) with ``python -c <BOOTSTRAP> KIND TARGET ARGS...``
so that the program starts in a fresh interpreter that has imported nothing the program
might want compiled (not even click or LibCST), with the hook settings in the environment
(:mod:`astc.hook.settings`). :func:`main` installs the hook and runs the main module the
way ``python SCRIPT`` / ``python -m MODULE`` would, but from code compiled by astc
(``__main__`` never passes through import hooks).

Spawned ``multiprocessing`` children: such a child re-imports the parent's main module by
the name in ``__main__.__spec__`` before it does anything else. ``astc run`` therefore
gives the main module a spec named :data:`SHIM` (``astc.hook.mpmain``), whose ``parent``
is still the real package; the child imports that small module, which installs the hook
from the inherited environment and runs the real main module's compiled code as
``__mp_main__`` (:func:`run_child_main`). No ``.pth`` file, no ``sitecustomize``, no patched
``multiprocessing`` function. The one visible difference from ``python``: ``__spec__.name``
of the main module is ``astc.hook.mpmain`` (and ``__spec__`` is not None for a script).
"""

from __future__ import annotations

import builtins
import os
import sys
import types
from importlib.machinery import ModuleSpec, SourceFileLoader
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from astc.hook.installer import install_settings
from astc.hook.loader import AstcLoader
from astc.hook.settings import HookSettings

if TYPE_CHECKING:
    from importlib.abc import Loader

ENV_MAIN = "ASTC_RUN_MAIN"
SHIM = "astc.hook.mpmain"
BOOTSTRAP = "from astc.hook.runner import main; main()"


class MainSpec(ModuleSpec):
    """``__main__.__spec__`` under ``astc run``: named :data:`SHIM`, parent the real package."""

    def __init__(
        self, loader: Loader, origin: str | None, parent: str | None, cached: str | None
    ) -> None:
        super().__init__(SHIM, loader, origin=origin)
        self.has_location = origin is not None
        self.cached = cached
        self._real_parent = parent

    @property
    def parent(self) -> str:
        return self._real_parent or ""


class _Main:
    """The main module's code and the attributes ``python`` would give its namespace."""

    def __init__(self, kind: str, target: str, settings: HookSettings | None) -> None:
        self.kind, self.target = kind, target
        self.origin: str | None
        self.cached: str | None
        if kind == "script":
            path = os.path.abspath(target)
            loader: Loader = _compiling_loader("__main__", path, settings)
            self.name, self.origin, self.cached = "__main__", path, None
            self.package: str | None = None
            self.spec: ModuleSpec | None = None
        else:
            spec = _module_spec(target)
            if spec.origin and type(spec.loader) is SourceFileLoader:
                spec.loader = _compiling_loader(spec.name, spec.origin, settings)
            loader = spec.loader  # type: ignore[assignment]
            self.name, self.origin, self.package = spec.name, spec.origin, spec.parent
            self.cached = spec.cached if spec.has_location else None
            self.spec = spec
        self.loader = loader
        self.settings = settings

    def code(self) -> types.CodeType:
        get_code = getattr(self.loader, "get_code", None)
        code = get_code(self.name) if get_code is not None else None
        if code is None:
            raise ImportError(f"No code object available for {self.target}")
        assert isinstance(code, types.CodeType)
        if self.kind == "module" and isinstance(self.loader, AstcLoader):
            self.cached = self.loader.cached_at  # the file the code really came from
        return code

    def namespace(self, name: str, into: dict[str, Any]) -> dict[str, Any]:
        """Fill ``into`` with the module attributes of the main module run as ``name``."""
        spec: ModuleSpec | None = self.spec
        if self.settings is not None:
            spec = MainSpec(self.loader, self.origin, self.package, self.cached)
        into.update(
            __name__=name,
            __doc__=None,
            __file__=self.origin,
            __cached__=self.cached,
            __loader__=self.loader,
            __package__=self.package or None,
            __spec__=spec,
            __builtins__=builtins,
        )
        if self.origin is None:
            del into["__file__"]
        return into


def _compiling_loader(name: str, path: str, settings: HookSettings | None) -> Loader:
    if settings is None:
        return SourceFileLoader(name, path)
    return AstcLoader(name, path, settings)


def _module_spec(name: str) -> ModuleSpec:
    """The spec ``python -m name`` would run (a package runs its ``__main__``), as runpy."""
    spec = find_spec(name)
    if spec is None:
        raise ImportError(f"No module named {name}")
    if spec.submodule_search_locations is not None:
        if name == "__main__" or name.endswith(".__main__"):
            raise ImportError("Cannot use package as __main__ module")
        return _module_spec(f"{name}.__main__")
    if spec.loader is None:
        raise ImportError(f"{name} is a namespace package and cannot be executed")
    return spec


def main() -> None:
    """Entry point of the bootstrap: ``sys.argv`` is ``['-c', KIND, TARGET, *ARGS]``."""
    kind, target, *args = sys.argv[1:]
    settings = HookSettings.from_env()
    if settings is not None:
        install_settings(settings)
    if kind == "script":
        sys.path[0] = os.path.dirname(os.path.realpath(target))
        sys.argv = [target, *args]
        target = os.path.abspath(target)
    else:
        sys.path[0] = os.getcwd()
        sys.argv = ["-m", *args]  # like runpy, until the module's file is known
    try:
        main_module = _Main(kind, target, settings)
        code = main_module.code()
    except SyntaxError as error:  # as python reports it: no traceback through astc
        import traceback

        sys.stderr.write("".join(traceback.format_exception_only(error)))
        raise SystemExit(1) from None
    except (ImportError, OSError) as error:
        sys.stderr.write(f"{sys.executable}: {error}\n")
        raise SystemExit(1 if kind == "module" else 2) from None
    if kind == "module" and main_module.origin:
        sys.argv[0] = main_module.origin
    # what spawned children run (resolved: a package's __main__, an absolute script path)
    os.environ[ENV_MAIN] = f"module:{main_module.name}" if kind == "module" else f"script:{target}"
    module = types.ModuleType("__main__")
    main_module.namespace("__main__", module.__dict__)
    sys.modules["__main__"] = module
    exec(code, module.__dict__)


def run_child_main(namespace: dict[str, Any]) -> None:
    """In a spawned child: install the hook, then run the real main module as ``__mp_main__``.

    ``namespace`` is the globals of :data:`SHIM` being run by ``multiprocessing`` (named
    ``__mp_main__``); it becomes the main module's namespace. A package's ``__main__`` is not
    re-run, exactly as ``multiprocessing`` does not re-run it without astc.
    """
    settings = HookSettings.from_env()
    if settings is not None:
        install_settings(settings)
    kind, _, target = os.environ.get(ENV_MAIN, "").partition(":")
    if kind not in ("script", "module") or not target:
        return
    if kind == "module" and (target == "__main__" or target.endswith(".__main__")):
        return
    main_module = _Main(kind, target, settings)
    code = main_module.code()
    name = namespace.get("__name__", "__mp_main__")
    for key in [k for k in namespace if k != "__name__"]:
        del namespace[key]
    main_module.namespace(name, namespace)
    exec(code, namespace)
