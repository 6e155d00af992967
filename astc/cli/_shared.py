"""What several commands share: exit codes and atomic writes."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

EXIT_OK = 0
EXIT_STALE = 1
EXIT_USAGE = 2
EXIT_FAILED = 123


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the umask's default."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_atomic(target: Path, text: str | bytes) -> None:
    """Write via a temporary file in the same directory and rename: never half a file.

    ``text`` is written as UTF-8 without newline translation; ``bytes`` as they are.
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
