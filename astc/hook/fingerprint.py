"""The cache fingerprint: everything besides the source that decides the compiled code."""

from __future__ import annotations

import hashlib
import sys
from importlib import metadata

from astc._version import __version__
from astc.options import Options

#: Bump when the layout of a cache entry or the hook's code generation changes.
CACHE_FORMAT = 1


def _version(distribution: str) -> str:
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
