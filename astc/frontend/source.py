"""Reading source files and astc's output header."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import tokenize

from astc._version import __version__

HEADER_PREFIX = "# Compiled by astc "
_HEADER_RE = re.compile(
    r"# Compiled by astc \S+ from sha256:[0-9a-f]{64}\. Edit the source, not this file\."
)
_MAGIC_LINE_RE = re.compile(r"^(#!|[ \t\f]*#.*coding[:=])")


def decode_source(data: bytes) -> str:
    """Decode source bytes the way the interpreter does (PEP 263 cookie, BOM, default UTF-8)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


_COOKIE_RE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def cookie_encoding(lines: list[str]) -> str:
    """The encoding a decoded module's text declares (PEP 263 cookie), normalized;
    ``utf-8`` without one. The output must be written in it, so astc writes every literal
    it creates in a form that encoding can represent."""
    for line in lines[:2]:
        match = _COOKIE_RE.match(line)
        if match:
            try:
                return codecs.lookup(match.group(1)).name
            except LookupError:
                return "utf-8"
        if line.strip() and not line.lstrip().startswith("#"):
            break
    return "utf-8"


def split_lines(text: str) -> list[str]:
    """Split into lines with their endings, on exactly the newlines Python's tokenizer uses."""
    return io.StringIO(text, newline="").readlines()


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def header_line(source: str) -> str:
    """The header naming astc's version and the source's hash (no newline)."""
    digest = sha256(source)
    return f"{HEADER_PREFIX}{__version__} from sha256:{digest}. Edit the source, not this file."


def magic_line_count(lines: list[str]) -> int:
    """How many leading lines must stay first: a shebang and/or an encoding cookie (PEP 263)."""
    count = 0
    for line in lines[:2]:
        if _MAGIC_LINE_RE.match(line):
            count += 1
        else:
            break
    return count


def find_header(lines: list[str]) -> int | None:
    """Index of an astc header among the first lines, if this text is astc's own output."""
    start = magic_line_count(lines)
    if start < len(lines) and _HEADER_RE.fullmatch(lines[start].rstrip("\r\n")):
        return start
    return None
