"""Elements of an HTML page that a reader never sees.

Hidden text is a classic carrier for instructions aimed at a model: a browser
shows the story, the model would read the story *and* the hidden paragraph. So
before extraction, text a reader cannot see is removed, whether it is hidden by an
attribute (``hidden``, ``aria-hidden="true"``, a ``<template>``, a closed
``<dialog>``), by its inline ``style``, or by a rule of a ``<style>`` block that
matches it (``.promo{display:none}``; see ``summarizer.inputs.hidden_css`` for the
rules read and the declarations that hide). ``<style media="print">`` blocks are
skipped. External stylesheets are not fetched, so text hidden only by one is not
seen to be hidden.

An element hidden outright is removed with everything in it. One hidden in a way a
child can undo (a zero ``font-size``, ``visibility:hidden``, a transparent colour)
loses its own text, and its children's unless they make their text readable again:
the ``font-size:0`` layout trick keeps its columns. Either way the text after the
element (its tail) stays: ``<p>A <span hidden>B</span> C</p>`` reads "A C".
Nothing in ``<head>`` is touched.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypeAlias

import lxml.html
from cssselect import HTMLTranslator, SelectorError
from cssselect.xpath import ExpressionError
from lxml import etree

from summarizer.inputs.hidden_css import SOFT, css_rules, declarations, effects, print_only
from summarizer.inputs.hidden_css import variables as custom_properties

__all__ = ["drop_hidden"]

_NOT_RENDERED = frozenset({"template"})
# Selectors evaluated per XPath union: one pass over the tree for many rules.
_BATCH = 200

_TRANSLATOR = HTMLTranslator()

Element: TypeAlias = lxml.html.HtmlElement


def _xpath(selector: str) -> str | None:
    try:
        return _TRANSLATOR.css_to_xpath(selector)
    except (SelectorError, ExpressionError, ValueError):
        return None  # an unsupported or pseudo-element selector matches no element here


def _select(tree: Element, selectors: set[str]) -> set[Element]:
    paths = sorted({p for p in map(_xpath, selectors) if p is not None})
    found: set[Element] = set()
    for start in range(0, len(paths), _BATCH):
        try:
            matched = tree.xpath(" | ".join(paths[start : start + _BATCH]))
        except etree.XPathError:
            continue
        found.update(el for el in matched if isinstance(getattr(el, "tag", None), str))
    return found


def _stylesheet(tree: Element) -> str:
    return "\n".join(
        style.text_content()
        for style in tree.iter("style")
        if not print_only(style.get("media", "all") or "all")
    )


def _attribute_hidden(el: Element) -> bool:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    return (
        tag in _NOT_RENDERED
        or (tag == "dialog" and el.get("open") is None)
        or el.get("hidden") is not None
        or el.get("aria-hidden", "").strip().lower() == "true"
    )


def _effects(tree: Element, body: Element) -> dict[str, set[Element]]:
    """The elements of ``body`` under each effect (``hard``, ``font``, ``show-font``...)."""
    rules = list(css_rules(_stylesheet(tree)))
    custom = custom_properties(rules)
    selectors: dict[str, set[str]] = defaultdict(set)
    for chosen, block in rules:
        for effect in effects(declarations(block, custom)):
            selectors[effect].update(chosen)
    in_body = {el for el in body.iterdescendants() if isinstance(el.tag, str)}
    found = {effect: _select(tree, chosen) & in_body for effect, chosen in selectors.items()}
    under: dict[str, set[Element]] = defaultdict(set, found)
    for el in in_body:
        if _attribute_hidden(el):
            under["hard"].add(el)
        style = el.get("style")
        if style:
            for effect in effects(declarations(style, custom)):
                under[effect].add(el)
    return under


def _silence(el: Element, shown: set[Element]) -> None:
    """Remove the text ``el`` shows, except inside descendants in ``shown``."""
    stack = [el]
    while stack:
        current = stack.pop()
        current.text = None
        for child in current:
            child.tail = None
            if isinstance(child.tag, str) and child not in shown:
                stack.append(child)


def drop_hidden(tree: Element) -> int:
    """Remove the text of ``tree``'s body that a reader would not see.

    Returns:
        How many elements were hidden (removed, or silenced).
    """
    body = tree.find(".//body")
    if body is None:
        return 0
    under = _effects(tree, body)
    hidden = set(under["hard"])
    for effect, undone_by in SOFT.items():
        for el in under[effect]:
            _silence(el, under[undone_by])
            hidden.add(el)
    for el in under["hard"]:
        el.drop_tree()
    return len(hidden)
