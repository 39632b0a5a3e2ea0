"""Reading CSS for what it hides: rules, declarations, and their effect on text.

``css_rules`` walks a stylesheet's rules (inside ``@media`` except print-only
queries, ``@supports``, ``@layer`` and nested rules); ``effects`` says what one
block of declarations does to the text of the elements it applies to:

* ``hard``: the element and everything in it is gone for a reader, whatever its
  children say: ``display:none``, ``content-visibility:hidden``, a zero or near-zero
  ``opacity``, ``scale(0)``, clipping to nothing, zero size with overflow hidden,
  a position or indent far off-screen.
* ``font``, ``visibility``, ``color``: hidden, but a child can show its own text
  again: a zero or tiny ``font-size`` (a child with an absolute size is readable
  again: the inline-block layout trick), ``visibility:hidden|collapse`` (a child
  with ``visibility:visible``), a transparent ``color`` (a child with a colour).
* ``show-font``, ``show-visibility``, ``show-color``: the block makes that text
  readable again.

Custom properties are substituted (``display: var(--off)``), with their fallbacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

__all__ = ["SOFT", "css_rules", "declarations", "effects", "variables"]

# The hidings a child can undo, each with the effect that undoes it.
SOFT = {"font": "show-font", "visibility": "show-visibility", "color": "show-color"}

_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_IMPORTANT = re.compile(r"!\s*important\s*$", re.I)
_NUMBER = r"([+-]?(?:\d+\.?\d*|\.\d+))"
_LENGTH = re.compile(_NUMBER + r"\s*([a-z%]*)", re.I)
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)", re.I)
_SCALE = re.compile(r"scale(x|y|3d)?\(([^)]*)\)", re.I)
_OPACITY_FN = re.compile(r"opacity\(\s*" + _NUMBER + r"\s*(%?)\s*\)", re.I)
_RECT = re.compile(r"rect\(([^)]*)\)", re.I)
_INSET = re.compile(r"inset\(\s*" + _NUMBER + r"\s*%", re.I)
_ZERO_SHAPE = re.compile(r"(?:circle|ellipse)\(\s*0*\.?0*(?:px|%|em)?\s*[)a]", re.I)
_COLOR_FN = re.compile(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(([^)]*)\)", re.I)
_HEX_CLEAR = re.compile(r"#[0-9a-f]{3}0|#[0-9a-f]{6}00", re.I)
_ABSOLUTE_UNITS = frozenset("px pt pc in cm mm q rem vw vh vmin vmax".split())
_SIZE_KEYWORDS = frozenset(
    "xx-small x-small small medium large x-large xx-large xxx-large initial".split()
)
_NOT_A_COLOUR = frozenset({"", "inherit", "currentcolor", "unset", "revert", "revert-layer"})
_GROUPING = frozenset({"@media", "@supports", "@layer", "@container", "@scope", "@document"})


def _substitute(value: str, custom: Mapping[str, str]) -> str:
    for _ in range(5):  # nested var() inside fallbacks and custom properties
        if "var(" not in value:
            break
        value = _VAR.sub(lambda m: custom.get(m.group(1).lower(), m.group(2) or ""), value)
    return value.strip()


def declarations(block: str, custom: Mapping[str, str] | None = None) -> dict[str, str]:
    """``prop: value; ...`` as a dict: lower-cased, ``!important`` dropped.

    With ``custom`` (the custom properties in force), ``var()`` references are
    replaced by their values or fallbacks.
    """
    found: dict[str, str] = {}
    for part in block.split(";"):
        name, colon, value = part.partition(":")
        if colon:
            value = _IMPORTANT.sub("", value).strip().lower()
            found[name.strip().lower()] = value if custom is None else _substitute(value, custom)
    return found


def _length(value: str) -> tuple[float, str] | None:
    match = _LENGTH.fullmatch(value.strip())
    if match is None:
        return None
    return float(match.group(1)), match.group(2).lower()


def _faint(value: str) -> bool:
    """An opacity or alpha value of (near) zero: ``0``, ``0.01``, ``0%``."""
    length = _length(value)
    return length is not None and length[0] <= (5 if length[1] == "%" else 0.05)


def _tiny_font(value: str) -> bool:
    length = _length(value)
    if length is None:
        return False
    number, unit = length
    limit = {"": 0.0, "px": 1.0, "pt": 1.0, "%": 10.0, "q": 4.0, "mm": 0.3}.get(unit, 0.1)
    return number <= limit


def _font_sizes(props: Mapping[str, str]) -> list[str]:
    """The font sizes a block sets: ``font-size``, and the size in a ``font`` shorthand."""
    sizes = [props["font-size"]] if "font-size" in props else []
    for token in props.get("font", "").split():
        size = token.split("/", 1)[0]
        length = _length(size)
        if (length is not None and (length[1] or "/" in token)) or size in _SIZE_KEYWORDS:
            sizes.append(size)
            break
    return sizes


def _readable_size(value: str) -> bool:
    if value in _SIZE_KEYWORDS:
        return True
    length = _length(value)
    return length is not None and length[1] in _ABSOLUTE_UNITS and not _tiny_font(value)


def _clear(color: str) -> bool:
    """A colour with no ink: ``transparent``, a zero alpha, ``#fff0``."""
    if color == "transparent" or _HEX_CLEAR.fullmatch(color):
        return True
    found = _COLOR_FN.fullmatch(color)
    if found is None:
        return False
    args = found.group(1)
    if "/" in args:
        return _faint(args.rsplit("/", 1)[1])
    parts = args.split(",")
    return len(parts) == 4 and _faint(parts[3])


def _scaled_away(value: str) -> bool:
    """``scale(0)``, ``scale(1, 0)``, ``scaleX(0)``, or a ``scale`` property of ``0``."""
    calls = [(m.group(1) or "", m.group(2)) for m in _SCALE.finditer(value)]
    if not calls and value.strip() and value.strip() != "none" and "(" not in value:
        calls = [("", value)]
    for axis, args in calls:
        numbers = [_length(a) for a in re.split(r"[\s,]+", args.strip()) if a]
        if axis.lower() == "3d":
            numbers = numbers[:2]
        if any(n is not None and abs(n[0]) <= 0.05 for n in numbers):
            return True
    return False


def _clipped(props: Mapping[str, str]) -> bool:
    inset = _INSET.search(props.get("clip-path", ""))
    if inset is not None and float(inset.group(1)) >= 50:
        return True
    if _ZERO_SHAPE.search(props.get("clip-path", "")):
        return True
    rect = _RECT.search(props.get("clip", ""))
    if rect is None:
        return False
    sides = [_length(v) for v in re.split(r"[\s,]+", rect.group(1).strip()) if v]
    if len(sides) != 4 or any(s is None for s in sides):
        return False
    top, right, bottom, left = (s[0] for s in sides if s is not None)
    return bottom <= top or right <= left


def _far_off(value: str) -> bool:
    length = _length(value)
    if length is None:
        return False
    number, unit = length
    return number <= (-500 if unit in ("px", "pt", "") else -30)


def _zero_size(value: str) -> bool:
    length = _length(value)
    return length is not None and length[0] <= (1 if length[1] in ("px", "pt") else 0)


def _hard(props: Mapping[str, str]) -> bool:
    if props.get("display") == "none" or props.get("content-visibility") == "hidden":
        return True
    if _faint(props.get("opacity", "1")):
        return True
    fading = _OPACITY_FN.search(props.get("filter", ""))
    if fading is not None and _faint(fading.group(1) + fading.group(2)):
        return True
    if _scaled_away(props.get("transform", "")) or _scaled_away(props.get("scale", "")):
        return True
    if _clipped(props):
        return True
    overflow = props.get("overflow", props.get("overflow-x", props.get("overflow-y")))
    if overflow in ("hidden", "clip") and any(
        _zero_size(props[side])
        for side in ("width", "height", "max-width", "max-height")
        if side in props
    ):
        return True
    if _far_off(props.get("text-indent", "0")) or _far_off(props.get("margin-left", "0")):
        return True
    positioned = props.get("position") in ("absolute", "fixed")
    return positioned and any(
        _far_off(props.get(side, "0")) for side in ("left", "top", "right", "inset")
    )


def effects(props: Mapping[str, str]) -> frozenset[str]:
    """What a block of declarations does to its element's text (see the module doc)."""
    found: set[str] = set()
    if _hard(props):
        found.add("hard")
    sizes = _font_sizes(props)
    if any(_tiny_font(size) for size in sizes):
        found.add("font")
    elif any(_readable_size(size) for size in sizes):
        found.add("show-font")
    visibility = props.get("visibility")
    if visibility in ("hidden", "collapse"):
        found.add("visibility")
    elif visibility in ("visible", "initial"):
        found.add("show-visibility")
    color = props.get("color", "")
    if _clear(color):
        found.add("color")
    elif color not in _NOT_A_COLOUR:
        found.add("show-color")
    return frozenset(found)


def _matching(css: str, brace: int) -> int:
    """Index of the ``}`` closing the block opened at ``brace`` (or the end)."""
    depth = 0
    for i in range(brace, len(css)):
        if css[i] == "{":
            depth += 1
        elif css[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(css)


def _blocks(css: str) -> Iterator[tuple[str, str]]:
    """(prelude, body) of each block at the top level of ``css``."""
    pos = 0
    while True:
        brace = css.find("{", pos)
        if brace == -1:
            return
        end = _matching(css, brace)
        prelude = css[pos:brace].rsplit(";", 1)[-1].rsplit("}", 1)[-1].strip()
        yield prelude, css[brace + 1 : end]
        pos = end + 1


def print_only(query: str) -> bool:
    """True for a media query list that applies to print only (``print``, ``only print``)."""
    queries = [q.strip().lower() for q in query.split(",")]
    return all(re.match(r"(?:only\s+)?print\b", q) for q in queries)


def _nest(parents: list[str], selector: str) -> list[str]:
    children = [c.strip() for c in selector.split(",") if c.strip()]
    if not parents:
        return children
    return [
        child.replace("&", f":is({parent})") if "&" in child else f"{parent} {child}"
        for parent in parents
        for child in children
    ]


def css_rules(css: str, parents: list[str] | None = None) -> Iterator[tuple[list[str], str]]:
    """Every style rule of ``css`` that applies on screen: (selectors, declarations)."""
    css = _COMMENT.sub(" ", css)
    for prelude, body in _blocks(css):
        if prelude.startswith("@"):
            rule, _, query = prelude.partition(" ")
            rule = rule.lower()
            if rule in _GROUPING and not (rule == "@media" and print_only(query)):
                yield from css_rules(body, parents)
            continue  # @font-face, @keyframes, @page: no elements
        selectors = _nest(parents or [], prelude)
        yield selectors, re.sub(r"[^;{}]*\{[^{}]*\}", " ", body)  # nested rules taken out
        if "{" in body:
            yield from css_rules(body, selectors)


def variables(rules: list[tuple[list[str], str]]) -> dict[str, str]:
    """The custom properties (``--name: value``) the rules set, the last one winning."""
    found: dict[str, str] = {}
    for _, block in rules:
        for name, value in declarations(block).items():
            if name.startswith("--"):
                found[name] = value
    return found
