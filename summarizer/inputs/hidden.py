"""Elements of an HTML page that a reader never sees.

Hidden text is a classic carrier for instructions aimed at a model: a browser
shows the story, the model would read the story *and* the hidden paragraph. So
before extraction every element a reader cannot see is dropped, whether it is
hidden by an attribute (``hidden``, ``aria-hidden="true"``, a ``<template>``, a
closed ``<dialog>``), by its inline ``style``, or by a rule of a ``<style>``
block that matches it (``.promo{display:none}``, also inside ``@media``,
``@supports`` and nested rules; only print-only media queries are skipped).

A declaration hides when it removes the box or its ink: ``display:none``,
``visibility:hidden|collapse``, ``content-visibility:hidden``, a zero or
near-zero ``font-size`` or ``opacity``, ``transform:scale(0)``, a transparent
colour, clipping to nothing, a zero width or height with overflow hidden, or a
position or indent far off-screen. External stylesheets are not fetched, so text
hidden only by one is not seen to be hidden.

The text after a dropped element (its tail) stays: ``<p>A <span hidden>B</span>
C</p>`` reads "A C".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from cssselect import HTMLTranslator, SelectorError
from cssselect.xpath import ExpressionError
from lxml import etree

__all__ = ["drop_hidden", "hides"]

_NOT_RENDERED = frozenset({"template"})
# Selectors evaluated per XPath union: one pass over the tree for many rules.
_BATCH = 200
_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_IMPORTANT = re.compile(r"!\s*important\s*$", re.I)
_NUMBER = r"([+-]?(?:\d+\.?\d*|\.\d+))"
_LENGTH = re.compile(_NUMBER + r"\s*([a-z%]*)", re.I)
_SCALE = re.compile(r"scale(x|y|3d)?\(([^)]*)\)", re.I)
_OPACITY_FN = re.compile(r"opacity\(\s*" + _NUMBER + r"\s*(%?)\s*\)", re.I)
_RECT = re.compile(r"rect\(([^)]*)\)", re.I)
_INSET = re.compile(r"inset\(\s*" + _NUMBER + r"\s*%", re.I)
_ZERO_SHAPE = re.compile(r"(?:circle|ellipse)\(\s*0*\.?0*(?:px|%|em)?\s*[)a]", re.I)
_COLOR_FN = re.compile(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(([^)]*)\)", re.I)
_HEX_CLEAR = re.compile(r"#[0-9a-f]{3}0|#[0-9a-f]{6}00", re.I)

_TRANSLATOR = HTMLTranslator()


def _declarations(block: str) -> dict[str, str]:
    """``prop: value; ...`` as a dict, lower-cased, ``!important`` dropped, last one wins."""
    found: dict[str, str] = {}
    for part in block.split(";"):
        name, colon, value = part.partition(":")
        if colon:
            found[name.strip().lower()] = _IMPORTANT.sub("", value).strip().lower()
    return found


def _length(value: str) -> tuple[float, str] | None:
    match = _LENGTH.fullmatch(value.strip())
    if match is None:
        return None
    return float(match.group(1)), match.group(2).lower()


def _tiny_font(value: str) -> bool:
    length = _length(value)
    if length is None:
        return False
    number, unit = length
    limit = {"": 0.0, "px": 1.0, "pt": 1.0, "%": 10.0, "q": 4.0, "mm": 0.3}.get(unit, 0.1)
    return number <= limit


def _far_off(value: str) -> bool:
    length = _length(value)
    if length is None:
        return False
    number, unit = length
    return number <= (-500 if unit in ("px", "pt", "") else -30)


def _zero_size(value: str) -> bool:
    length = _length(value)
    return length is not None and length[0] <= (1 if length[1] in ("px", "pt") else 0)


def _faint(value: str) -> bool:
    """An opacity or alpha value of (near) zero: ``0``, ``0.01``, ``0%``."""
    length = _length(value)
    return length is not None and length[0] <= (5 if length[1] == "%" else 0.05)


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


def _font_shorthand_tiny(value: str) -> bool:
    """``font: 0/0 a`` and the like: a tiny size inside the ``font`` shorthand."""
    for token in value.split():
        size = token.split("/", 1)[0]
        length = _length(size)
        if length is not None and (length[1] or "/" in token) and _tiny_font(size):
            return True
    return False


def _clipped(props: dict[str, str]) -> bool:
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


def hides(block: str) -> bool:
    """True when the declarations in ``block`` (a ``style`` value) hide the element."""
    props = _declarations(block)
    if props.get("display") == "none" or props.get("content-visibility") == "hidden":
        return True
    if props.get("visibility") in ("hidden", "collapse"):
        return True
    if _faint(props.get("opacity", "1")) or _clear(props.get("color", "")):
        return True
    fading = _OPACITY_FN.search(props.get("filter", ""))
    if fading is not None and _faint(fading.group(1) + fading.group(2)):
        return True
    if "font-size" in props and _tiny_font(props["font-size"]):
        return True
    if _font_shorthand_tiny(props.get("font", "")):
        return True
    if _scaled_away(props.get("transform", "")) or _scaled_away(props.get("scale", "")):
        return True
    if _clipped(props):
        return True
    if props.get("overflow", props.get("overflow-x", props.get("overflow-y"))) in (
        "hidden",
        "clip",
    ) and any(
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


def _print_only(query: str) -> bool:
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


def hiding_selectors(css: str, parents: list[str] | None = None) -> Iterator[str]:
    """The selectors of every rule in ``css`` whose declarations hide what they match."""
    css = _COMMENT.sub(" ", css)
    for prelude, body in _blocks(css):
        if prelude.startswith("@"):
            rule, _, query = prelude.partition(" ")
            rule = rule.lower()
            if rule in ("@media", "@supports", "@layer", "@container", "@scope", "@document"):
                if not (rule == "@media" and _print_only(query)):
                    yield from hiding_selectors(body, parents)
            continue  # @font-face, @keyframes, @page: no elements
        selectors = _nest(parents or [], prelude)
        own = re.sub(r"[^;{}]*\{[^{}]*\}", " ", body)  # nested rules taken out
        if hides(own):
            yield from selectors
        if "{" in body:
            yield from hiding_selectors(body, selectors)


def _xpath(selector: str) -> str | None:
    try:
        return _TRANSLATOR.css_to_xpath(selector)
    except (SelectorError, ExpressionError, ValueError):
        return None  # an unsupported or pseudo-element selector matches no element here


def _styled(tree: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    css = "\n".join(style.text_content() for style in tree.iter("style"))
    paths = {p for p in map(_xpath, hiding_selectors(css)) if p is not None}
    found: set[lxml.html.HtmlElement] = set()
    ordered = sorted(paths)
    for start in range(0, len(ordered), _BATCH):
        union = " | ".join(ordered[start : start + _BATCH])
        try:
            matched = tree.xpath(union)
        except etree.XPathError:
            continue
        found.update(el for el in matched if isinstance(el, lxml.html.HtmlElement))
    return found


def _attribute_hidden(el: lxml.html.HtmlElement) -> bool:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    return (
        tag in _NOT_RENDERED
        or (tag == "dialog" and el.get("open") is None)
        or el.get("hidden") is not None
        or el.get("aria-hidden", "").strip().lower() == "true"
        or hides(el.get("style", ""))
    )


def drop_hidden(tree: lxml.html.HtmlElement) -> int:
    """Remove every element in the body of ``tree`` a reader would not see; return how many.

    The text that follows a removed element inside its parent is kept. Nothing in
    ``<head>`` is touched (a rule hiding ``title`` must not lose the title).
    """
    body = tree.find(".//body")
    if body is None:
        return 0
    shown = [el for el in body.iterdescendants() if isinstance(el.tag, str)]
    in_body = set(shown)
    hidden = {el for el in shown if _attribute_hidden(el)}
    hidden |= _styled(tree) & in_body
    for el in hidden:
        el.drop_tree()
    return len(hidden)
