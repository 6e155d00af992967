"""``astc clean``: remove astc's cache directory (never a directory astc did not make)."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from astc._fs import cache_dir as default_cache_dir
from astc.cli._cache import is_astc_cache
from astc.cli._command import AstcCommand, loaded_config
from astc.cli._output import echo_message, echo_note
from astc.cli._shared import ExitCode, leave
from astc.diagnostics import Level, format_message

EXAMPLES = """\\b
Examples:
  astc clean                       the project's .astc_cache
  astc clean --cache-dir /tmp/c    another cache astc made
"""


@click.command("clean", cls=AstcCommand, epilog=EXAMPLES)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ASTC_CACHE_DIR",
    help="The cache to remove (default: as `astc compile` uses it).",
)
@click.pass_context
def clean_cmd(ctx: click.Context, cache_dir: Path | None) -> None:
    """Remove the compile cache (.astc_cache in the project root by default).

    Compiled outputs stay; the import hook's entries (in __pycache__) are not touched.
    """
    directory = cache_dir or Path(default_cache_dir(loaded_config(ctx).project.root))
    if not directory.exists():
        echo_note(f"nothing to remove: {directory} does not exist")
        return
    if not is_astc_cache(directory):
        message = "not an astc cache (no astc CACHEDIR.TAG): not removed"
        echo_message(format_message(str(directory), 0, 0, Level.ERROR, message), Level.ERROR)
        leave(ExitCode.USAGE)
    shutil.rmtree(directory)
    echo_note(f"removed {directory}")
