r"""Text from an article or a model, made safe to print.

Whatever a renderer shows came from a page or a model, and either may carry
terminal control codes: an escape sequence that clears the screen, retitles the
window, hides text or forges a hyperlink, a carriage return that overwrites what
was printed, a bidirectional override that shows text in another order. A file
or a pipe passes them on to whoever later runs ``cat``. ``printable`` removes whole
escape sequences (CSI, OSC with its payload, DCS/SOS/PM/APC, and their 8-bit C1
forms), shows a carriage return, vertical tab or form feed as a space (so that
nothing is overprinted), then drops every remaining C0 control except newline and
tab, DEL, every C1 control, and the bidirectional embedding, override and isolate
characters.
``escape_json`` keeps JSON lossless instead: the same characters become ``\uXXXX``.
"""

from __future__ import annotations

import re

__all__ = ["escape_json", "printable"]

# Bidirectional embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
_BIDI = "\u202a-\u202e\u2066-\u2069"
# A string terminator: BEL, ESC \ or the 8-bit ST. Payloads are bounded so that a
# sequence that never ends costs linear time.
_TERMINATED = r"[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)"
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: ESC [ params intermediates final
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI, 8-bit
    r"|\x1b[\]PX^_]"
    + _TERMINATED  # OSC, DCS, SOS, PM, APC with their payload
    + r"|[\x90\x98\x9d\x9e\x9f]"
    + _TERMINATED  # the same, 8-bit
    + r"|\x1b[ -/]*[0-~]"  # any other escape: ESC ( B, ESC 7, ESC c ...
)
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# Breaks that would return to the start of a line and overprint it: shown as a space.
_OVERPRINT = re.compile("\r\n|[\r\x0b\x0c\x85]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}]")


def printable(text: str) -> str:
    r"""``text`` without terminal escape sequences and control characters (``\n`` and tab stay)."""
    if not _CONTROL.search(text):
        return text
    text = _OVERPRINT.sub(lambda m: "\n" if m.group() == "\r\n" else " ", text)
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def escape_json(text: str) -> str:
    r"""JSON text with DEL, C1 controls and bidi overrides written as ``\uXXXX`` escapes.

    ``json.dumps`` already escapes C0 controls; the others pass through it as
    raw characters when ``ensure_ascii`` is off. They can only occur inside JSON
    strings, where the escape means the same character.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
