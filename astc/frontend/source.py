"""Reading source files and astc's output header."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import tokenize

from astc._version import __version__

HEADER_PREFIX = "# Compiled by astc "
#: What the header says after the hash: an output beside its source, or a source compiled
#: in place (``astc compile --in-place``), which is the file to edit.
EDIT_SOURCE = "Edit the source, not this file."
_HEADER_RE = re.compile(r"(# Compiled by astc \S+ from sha256:[0-9a-f]{64}\. )[^\r\n]*")
_MAGIC_LINE_RE = re.compile(r"^(#!|[ \t\f]*#.*coding[:=])")


def declared_encoding(data: bytes) -> str:
    """The encoding source bytes declare, as the interpreter reads them (PEP 263).

    ``utf-8-sig`` when they start with a UTF-8 BOM, the cookie's codec name when the first
    or second line has one, else ``utf-8``. Raises ``SyntaxError`` for a cookie naming an
    unknown codec or contradicting the BOM.
    """
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return encoding


def decode_source(data: bytes) -> str:
    """Decode source bytes the way the interpreter does (PEP 263 cookie, BOM, default UTF-8)."""
    text = data.decode(declared_encoding(data))
    return text[1:] if text.startswith("\ufeff") else text


def cookie_encoding(lines: list[str]) -> str:
    """The encoding a decoded module's text declares (its PEP 263 cookie), as
    :func:`declared_encoding` reads it; ``utf-8`` without one. The output is written in
    it, so astc writes every literal it creates in a form that encoding can represent."""
    head = "".join(lines[:2]).encode("utf-8", "surrogatepass")
    try:
        encoding = declared_encoding(head)
    except SyntaxError:  # a cookie naming no codec: the source did not decode either
        return "utf-8"
    return "utf-8" if encoding == "utf-8-sig" else codecs.lookup(encoding).name


def encode_source(text: str, encoding: str) -> bytes:
    """``text`` as bytes in ``encoding`` (a :func:`declared_encoding` result), the inverse of
    :func:`decode_source`: ``utf-8-sig`` puts the BOM back. Raises ``UnicodeEncodeError``
    when a character has no form in that encoding (never replaced or escaped here)."""
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding)


def split_lines(text: str) -> list[str]:
    """Split into lines with their endings, on exactly the newlines Python's tokenizer uses."""
    return io.StringIO(text, newline="").readlines()


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def header_line(source: str, note: str = EDIT_SOURCE) -> str:
    """The header naming astc's version and the source's hash, then ``note`` (no newline)."""
    digest = sha256(source)
    return f"{HEADER_PREFIX}{__version__} from sha256:{digest}. {note}"


def retitle(code: str, note: str) -> str:
    """``code`` (astc's output) with its header's note replaced by ``note``."""
    lines = split_lines(code)
    at = find_header(lines)
    if at is None:
        return code
    line = lines[at]
    body = line.rstrip("\r\n")
    match = _HEADER_RE.fullmatch(body)
    assert match is not None  # find_header matched it
    lines[at] = match.group(1) + note + line[len(body) :]
    return "".join(lines)


def line_ending(lines: list[str]) -> str:
    r"""The newline the text uses (its first line's: ``\n``, ``\r\n`` or ``\r``)."""
    first = lines[0] if lines else ""
    return first[len(first.rstrip("\r\n")) :] or "\n"


def with_header(lines: list[str], header: str) -> str:
    """The text with astc's header appended as its last line.

    The header goes last so that it moves no line of the module: every statement keeps
    its line number, and text astc did not rewrite stays byte for byte (a last line that
    had no newline gets one).
    """
    newline = line_ending(lines)
    text = "".join(lines)
    if text and not text.endswith(("\n", "\r")):
        text += newline
    return text + header + newline


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
    """Index of astc's header line, if this text is astc's output: its last line (or, in
    output of astc before 0.2, the first line after the shebang/encoding lines)."""
    for at in (len(lines) - 1, magic_line_count(lines)):
        if 0 <= at < len(lines) and _HEADER_RE.fullmatch(lines[at].rstrip("\r\n")):
            return at
    return None
