"""``astc codes [CODE]...``: what each reason code means, in words, and what to do about it.

Generated from :data:`astc.diagnostics.EXPLANATIONS`, the table beside :class:`Code` that
the compiler's own codes come from, so every code astc can print is listed here.
"""

from __future__ import annotations

import click

from astc.diagnostics import EXPLANATIONS, Code, explain_code

EXAMPLES = """\\b
Examples:
  astc codes                 every code, one line each
  astc codes ASTC214         what ASTC214 means and what to do
  astc codes 201 opaque_call by number or by name
"""


def find_code(text: str) -> Code | None:
    """``ASTC201``, ``astc201``, ``201`` or ``recursive`` -> the code; None if no such code."""
    wanted = text.strip().upper().replace("-", "_")
    if wanted.isdigit():
        wanted = f"ASTC{int(wanted):03d}"
    for code in Code:
        if wanted in (code.value, code.name):
            return code
    return None


@click.command("codes", epilog=EXAMPLES)
@click.argument("codes", nargs=-1, metavar="[CODE]...")
def codes_cmd(codes: tuple[str, ...]) -> None:
    """Explain astc's reason codes (all of them, or the CODEs given).

    ASTC0xx are errors (the file was not compiled), ASTC1xx transformations made, ASTC2xx
    transformations refused (the code stays as written).
    """
    if not codes:
        for code in Code:
            click.echo(f"{code.value}  {EXPLANATIONS[code].title}")
        return
    found: list[Code] = []
    for text in codes:
        match = find_code(text)
        if match is None:
            raise click.BadParameter(f"no such code: {text!r} (`astc codes` lists them)")
        found.append(match)
    click.echo("\n\n".join(explain_code(code) for code in found))
