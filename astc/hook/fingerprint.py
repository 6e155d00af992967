"""The cache fingerprint: everything besides the source that decides the compiled code."""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.util import find_spec

from astc._version import __version__
from astc.options import Options

#: Bump when the layout of a cache entry or the hook's code generation changes.
CACHE_FORMAT = 1


def _version(distribution: str) -> str:
    """The installed version of ``distribution`` (whose import name is the same), or "absent".

    Read from the name of the ``<name>-<version>.dist-info`` folder beside the package when
    there is one: ``importlib.metadata`` costs ~25 ms of start-up, every time the hook is
    installed. Other layouts (editable installs, eggs) ask ``importlib.metadata``.
    """
    try:
        spec = find_spec(distribution)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return "absent"
    locations = list(spec.submodule_search_locations or [])
    if locations:
        site = os.path.dirname(locations[0])
        prefix = f"{distribution}-"
        try:
            found = [e for e in os.listdir(site) if e.startswith(prefix)]
        except OSError:
            found = []
        versions = [e[len(prefix) : -len(".dist-info")] for e in found if e.endswith(".dist-info")]
        if len(versions) == 1:
            return versions[0]
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def fingerprint(options: Options) -> str:
    """16 hex digits over astc's version, the options, LibCST's and Numba's versions and ``-O``.

    Whether Numba is used is part of the options (and so of ``options.fingerprint()``);
    its version is included whenever it is installed, which can only invalidate more often.
    The Python version is not needed here: it is in the file name's cache tag.
    """
    parts = [
        f"format={CACHE_FORMAT}",
        f"astc={__version__}",
        f"options={options.fingerprint()}",
        f"libcst={_version('libcst')}",
        f"numba={_version('numba')}",
        f"optimize={sys.flags.optimize}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
