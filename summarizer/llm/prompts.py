"""Rendering the prompt templates in ``prompts/``.

Templates render with ``StrictUndefined`` so a missing variable is an error, not
an empty string. The article is passed in as a *variable*, never concatenated
into template source, so ``{{ 7*7 }}`` in an article stays literal text. It is
fenced between markers derived from its own hash, together with the page's title,
outlet and byline (as untrusted as the text): the fenced content cannot contain
its own closing marker, so it cannot close the fence early.

Every rendering carries the template name, its declared version and a hash of
the rendered messages; the three travel with every result.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache

import jinja2

from summarizer.checks.grounding import MARK
from summarizer.errors import PromptError
from summarizer.inputs.article import Article
from summarizer.resources import resource_dir

TEMPLATE = "briefing"
_VERSION = re.compile(r"\{#-?\s*version:\s*(\S+)\s*-?#\}")


@dataclass(frozen=True)
class Template:
    name: str
    version: str
    system: jinja2.Template
    user: jinja2.Template


@dataclass(frozen=True)
class RenderedPrompt:
    """The messages for one article, with what identifies them.

    Attributes:
        template: The template's name.
        version: The version the template declares.
        messages: Chat messages, system first.
        hash: SHA-256 of the rendered messages (canonical JSON), hex.
    """

    template: str
    version: str
    messages: tuple[dict[str, str], ...]
    hash: str


def _source(filename: str) -> str:
    path = resource_dir("prompts").joinpath(filename)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PromptError(f"prompt template {filename!r} is missing from the package") from exc


@cache
def load_template(name: str = TEMPLATE) -> Template:
    """Load the system and user templates called ``name``.

    Args:
        name: The template family, e.g. ``briefing`` for ``briefing.system.j2``
            and ``briefing.user.j2``.

    Returns:
        The compiled templates and their version.

    Raises:
        PromptError: A template is missing, unversioned, or does not compile.
    """
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    sources = {part: _source(f"{name}.{part}.j2") for part in ("system", "user")}
    versions = {part: _VERSION.search(src) for part, src in sources.items()}
    if not all(versions.values()):
        raise PromptError(f"prompt template {name!r} does not declare '{{#- version: N -#}}'")
    found = {m.group(1) for m in versions.values() if m}
    if len(found) != 1:
        raise PromptError(f"prompt template {name!r} declares different versions: {sorted(found)}")
    try:
        system = env.from_string(sources["system"])
        user = env.from_string(sources["user"])
    except jinja2.TemplateSyntaxError as exc:
        raise PromptError(f"prompt template {name!r} does not compile: {exc}") from exc
    return Template(name=name, version=found.pop(), system=system, user=user)


def fence_markers(text: str) -> tuple[str, str]:
    """Return the opening and closing markers that fence ``text``."""
    tag = "article-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"<<<{tag}>>>", f"<<</{tag}>>>"


def article_fence(article: Article) -> tuple[str, str]:
    """The markers that fence ``article``, its title, outlet and byline in the prompt.

    The page's metadata is as untrusted as its text and sits inside the same
    fence, so the markers derive from all of it: a title cannot carry the
    closing marker either. Without metadata they are the text's own markers.
    """
    metadata = [article.title, article.outlet, article.byline]
    if not any(metadata):
        return fence_markers(article.text)
    return fence_markers("\n".join([*(m or "" for m in metadata), article.text]))


_SPACES = re.compile(r"[ \t]+")


def datamark(text: str) -> str:
    """Replace the spaces inside each line of ``text`` with the datamark.

    Spotlighting: every word of the article then visibly carries the mark, so the
    model can tell the data from the instructions around it; line breaks stay.
    """
    return _SPACES.sub(MARK, text)


def _marked(value: str | None, mark: bool) -> str | None:
    return datamark(value) if value and mark else value


def messages_hash(messages: tuple[dict[str, str], ...] | list[dict[str, str]]) -> str:
    """Hash chat messages canonically (key order and whitespace do not matter)."""
    canonical = json.dumps(
        list(messages), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def render(
    article: Article,
    name: str = TEMPLATE,
    *,
    mark: bool = True,
    part: tuple[int, int] | None = None,
) -> RenderedPrompt:
    """Render the messages that brief ``article``.

    Args:
        article: The cleaned article.
        name: The template family to use.
        mark: Datamark the article (spaces shown as the mark); off only for
            servers whose models cannot read marked text.
        part: (part, parts) when ``article`` is one slice of a long article.

    Returns:
        The rendered prompt.

    Raises:
        PromptError: The template is missing or fails to render.
    """
    template = load_template(name)
    fence_open, fence_close = article_fence(article)
    variables = {
        "article": datamark(article.text) if mark else article.text,
        "mark": MARK if mark else None,
        # Page metadata is as untrusted as the article: marked the same way.
        "title": _marked(article.title, mark),
        "outlet": _marked(article.outlet, mark),
        "byline": _marked(article.byline, mark),
        "part": part[0] if part else None,
        "parts": part[1] if part else None,
        "fence_open": fence_open,
        "fence_close": fence_close,
    }
    try:
        messages = (
            {"role": "system", "content": template.system.render(variables).strip()},
            {"role": "user", "content": template.user.render(variables).strip()},
        )
    except jinja2.UndefinedError as exc:
        raise PromptError(f"prompt template {name!r} failed to render: {exc}") from exc
    return RenderedPrompt(
        template=name, version=template.version, messages=messages, hash=messages_hash(messages)
    )
