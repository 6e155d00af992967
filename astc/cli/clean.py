"""``astc clean``: remove astc's cache directory (never a directory astc did not make)."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from astc.cli._cache import is_astc_cache
from astc.cli._command import AstcCommand, loaded_config
from astc.cli._shared import EXIT_USAGE
from astc.config import cache_root


@click.command("clean", cls=AstcCommand)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ASTC_CACHE_DIR",
    help="The cache to remove (default: as `astc compile` uses it).",
)
@click.pass_context
def clean_cmd(ctx: click.Context, cache_dir: Path | None) -> None:
    """Remove the compile cache (.astc_cache in the project root by default)."""
    directory = cache_dir or cache_root(loaded_config(ctx).project.root) / ".astc_cache"
    if not directory.exists():
        click.echo(f"nothing to remove: {directory} does not exist", err=True)
        return
    if not is_astc_cache(directory):
        click.echo(f"error: {directory} is not an astc cache (no astc CACHEDIR.TAG)", err=True)
        ctx.exit(EXIT_USAGE)
    shutil.rmtree(directory)
    click.echo(f"removed {directory}", err=True)
