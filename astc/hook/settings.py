"""What the hook compiles and how: packages, options and the cache fingerprint.

Settings come from :func:`astc.install`'s arguments, from ``[tool.astc.hook]`` in the
project's ``pyproject.toml`` (:func:`load_hook_config`), or from the environment that
``astc run`` sets for the program and every child process it starts
(:meth:`HookSettings.from_env`):

``ASTC_HOOK``
    comma-separated package names (``pkg1,pkg2``);
``ASTC_HOOK_OPTIONS``
    the compiler options as JSON (decoded only on a cache miss);
``ASTC_HOOK_FINGERPRINT``
    the cache fingerprint computed by the parent, so that a child's warm start needs
    neither the options module nor package metadata;
``ASTC_DISABLE``
    any value but empty or ``0`` turns every hook off.

This module is on the warm path: it imports nothing the interpreter has not loaded already.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    from astc.options import Options

ENV_DISABLE = "ASTC_DISABLE"
ENV_PACKAGES = "ASTC_HOOK"
ENV_OPTIONS = "ASTC_HOOK_OPTIONS"
ENV_FINGERPRINT = "ASTC_HOOK_FINGERPRINT"


def disabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether ``ASTC_DISABLE`` turns the hook off."""
    return environ.get(ENV_DISABLE, "").strip() not in ("", "0")


def validate_packages(names: Iterable[str]) -> tuple[str, ...]:
    """Dotted module names, in order, without duplicates; ``ValueError`` for anything else."""
    seen: list[str] = []
    for name in names:
        if not isinstance(name, str) or not all(part.isidentifier() for part in name.split(".")):
            raise ValueError(f"not a package name: {name!r}")
        if name not in seen:
            seen.append(name)
    return tuple(seen)


class HookSettings:
    """The packages to compile, the compiler options and the cache fingerprint.

    ``options`` is decoded from JSON only when first needed (a cache miss), so a warm start
    never imports ``json`` — which may itself be a package the hook should compile.
    """

    __slots__ = ("_options", "_options_json", "fingerprint", "packages")

    def __init__(
        self,
        packages: tuple[str, ...],
        fingerprint: str,
        *,
        options: Options | None = None,
        options_json: str | None = None,
    ) -> None:
        if options is None and options_json is None:
            raise ValueError("HookSettings needs options or options_json")
        self.packages = packages
        self.fingerprint = fingerprint
        self._options = options
        self._options_json = options_json

    @classmethod
    def create(cls, packages: Iterable[str], options: Options) -> HookSettings:
        """Settings for ``options``, with the fingerprint computed here."""
        from astc.hook.fingerprint import fingerprint

        return cls(validate_packages(packages), fingerprint(options), options=options)

    @property
    def options(self) -> Options:
        if self._options is None:
            from astc.options import Options

            self._options = Options.from_json(self._options_json or "{}")
        return self._options

    def to_env(self) -> dict[str, str]:
        """The environment variables from which :meth:`from_env` rebuilds these settings."""
        return {
            ENV_PACKAGES: ",".join(self.packages),
            ENV_OPTIONS: self.options.to_json(),
            ENV_FINGERPRINT: self.fingerprint,
        }

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> HookSettings | None:
        """Settings set by ``astc run``, or None when there are none (or the hook is off)."""
        names = environ.get(ENV_PACKAGES, "").strip()
        fingerprint = environ.get(ENV_FINGERPRINT, "").strip()
        if disabled(environ) or not fingerprint.isalnum():
            return None
        packages = validate_packages(n.strip() for n in names.split(",") if n.strip())
        return cls(packages, fingerprint, options_json=environ.get(ENV_OPTIONS) or "{}")


def load_hook_config(start: Path) -> tuple[tuple[str, ...], Options]:
    """Packages and options from ``[tool.astc.hook]`` of the project around ``start``.

    Keys: ``packages`` (list of names), ``assume-stable`` (bool), ``disable`` (list of pass
    names); the last two default to the same keys of ``[tool.astc]``. The options also carry
    ``[tool.astc.kernels] functions``. Raises :class:`astc.config.ConfigError` on a bad file
    or bad value.
    """
    from astc.config import ConfigError, expected, load_project_config, with_kernel_functions
    from astc.options import PASS_NAMES, Options

    config = load_project_config(start)
    section = config.section("hook")
    packages = config.strings("hook", "packages")
    disable = config.strings("hook" if "disable" in section else None, "disable")
    where = "tool.astc.hook" if "assume-stable" in section else "tool.astc"
    assume_stable = section.get("assume-stable", config.table.get("assume-stable", False))
    if not isinstance(assume_stable, bool):
        raise expected(config.path, where, "assume-stable", "true or false", assume_stable)
    unknown = [name for name in disable if name not in PASS_NAMES]
    if unknown:
        raise expected(
            config.path, where, "disable", f"pass names ({', '.join(PASS_NAMES)})", unknown[0]
        )
    try:
        names = validate_packages(packages)
    except ValueError as error:
        raise ConfigError(config.path, f"[tool.astc.hook] packages: {error}") from None
    options = Options(
        assume_stable=assume_stable,
        passes=tuple(p for p in PASS_NAMES if p not in disable),
    )
    return names, with_kernel_functions(options, config)
