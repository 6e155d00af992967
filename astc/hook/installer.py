"""``astc.install`` / ``astc.uninstall``: put the finder on ``sys.meta_path`` and take it off."""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

from astc.hook.finder import AstcFinder
from astc.hook.loader import module_loader, warn
from astc.hook.settings import HookSettings, disabled, validate_packages

if TYPE_CHECKING:
    from collections.abc import Iterable
    from types import TracebackType

    from astc.options import Options


class HookHandle:
    """What :func:`install` returns: ``active`` tells whether a hook was installed.

    ``uninstall()`` removes this hook (idempotent); as a context manager the hook is active
    inside the ``with`` block only. Modules imported meanwhile stay compiled.
    """

    def __init__(self, finder: AstcFinder | None) -> None:
        self.finder = finder

    @property
    def active(self) -> bool:
        return self.finder is not None and self.finder in sys.meta_path

    def uninstall(self) -> None:
        if self.finder is not None and self.finder in sys.meta_path:
            sys.meta_path.remove(self.finder)

    def __enter__(self) -> HookHandle:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.uninstall()


def install(
    packages: Iterable[str] | None = None,
    *,
    options: Options | None = None,
    project: str | Path | None = None,
) -> HookHandle:
    """Compile the named packages (and their submodules) with astc when they are imported.

    With ``packages=None`` the packages (and, unless given, the options) come from
    ``[tool.astc.hook]`` of the project around ``project`` (default: the working directory;
    :class:`astc.config.ConfigError` if that file is broken). ``ASTC_DISABLE=1`` makes this
    a no-op returning an inactive handle. Selected modules imported before this call keep
    running uncompiled, and an :class:`~astc.hook.AstcHookWarning` names them.

    Install the hook at the top of the main module, not under ``if __name__ == "__main__":``,
    so that ``multiprocessing``'s spawned children (which re-run the main module) get it too.
    """
    if disabled():
        return HookHandle(None)
    if packages is None:
        from astc.hook.settings import load_hook_config

        packages, configured = load_hook_config(Path(project or Path.cwd()))
        options = options or configured
    if options is None:
        from astc.options import Options

        options = Options()
    finder = AstcFinder(HookSettings.create(validate_packages(packages), options))
    warn_imported(finder)
    sys.meta_path.insert(0, finder)
    return HookHandle(finder)


def install_settings(settings: HookSettings) -> HookHandle:
    """Install a hook with ready settings (``astc run`` and its children); no warnings."""
    finder = AstcFinder(settings)
    sys.meta_path.insert(0, finder)
    return HookHandle(finder)


def warn_imported(finder: AstcFinder) -> None:
    """Warn about selected source modules that are already imported (they stay uncompiled)."""
    early = sorted(
        name
        for name, module in list(sys.modules.items())
        if finder.selects(name) and type(module_loader(module)) is SourceFileLoader
    )
    if early:
        shown = ", ".join(early[:10]) + (f" and {len(early) - 10} more" if len(early) > 10 else "")
        warn(
            f"astc: {shown} {'was' if len(early) == 1 else 'were'} imported before the hook "
            "was installed and run uncompiled; install it before importing them",
            stacklevel=4,
        )


def uninstall() -> None:
    """Remove every astc hook from ``sys.meta_path`` (modules already imported stay)."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, AstcFinder)]
