"""One pattern for many literal words, their shared prefixes factored out.

A plain alternation of a hundred words is tried word by word at every place of a
text, and a Python loop of ``word in text`` scans the text once per word;
factored into a tree, one scan leaves at once every place whose first letters
start no word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Tree = dict[str, "_Tree"]


def literal_pattern(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words`` (as written: escape nothing yourself)."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Tree) -> str:
        branches = [re.escape(c) + pattern(node[c]) for c in sorted(node) if c]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return pattern(tree)
