"""What a batch reads: article files, folders of them, and JSONL manifests.

A manifest line is ``{"id": ..., "text": ...}``, ``{"id": ..., "path": ...}`` (relative
to the manifest) or ``{"id": ..., "url": ...}``. Items are produced lazily, one at a
time, so a batch of any size holds only the articles in flight. A line that cannot
be used becomes an item with a ``problem``, reported as an error line for its id
rather than stopping the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx2

from summarizer.errors import ArticleNotFoundError, ArticleTooLargeError, InputError
from summarizer.inputs.article import (
    DEFAULT_MAX_BYTES,
    Article,
    article_from_html,
    article_from_text,
    decode_bytes,
)
from summarizer.inputs.load import read_article

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
MANIFEST_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True)
class BatchItem:
    """One article to brief, not yet read.

    Attributes:
        id: Unique within the output.
        text: The article text, given inline.
        path: A file to read.
        url: A page to fetch.
        problem: Why the item cannot be briefed (a malformed manifest line).
    """

    id: str
    text: str | None = None
    path: Path | None = None
    url: str | None = None
    problem: str | None = None


def check_inputs(inputs: Sequence[Path]) -> None:
    """Fail before any work when an input does not exist.

    Raises:
        ArticleNotFoundError: An input path is missing.
        InputError: No inputs were given.
    """
    if not inputs:
        raise InputError("no inputs: give article files, folders or JSONL manifests")
    for path in inputs:
        if not path.exists():
            raise ArticleNotFoundError(str(path))


def iter_items(inputs: Sequence[Path]) -> Iterator[BatchItem]:
    """Every item of ``inputs``, in order: folders sorted, manifests line by line."""
    for path in inputs:
        if path.is_dir():
            for file in sorted(_article_files(path)):
                yield BatchItem(id=file.relative_to(path).as_posix(), path=file)
        elif path.suffix.lower() in MANIFEST_SUFFIXES:
            yield from _manifest(path)
        else:
            yield BatchItem(id=str(path), path=path)


def _article_files(folder: Path) -> Iterator[Path]:
    for file in folder.rglob("*"):
        hidden = any(part.startswith(".") for part in file.relative_to(folder).parts)
        if file.is_file() and not hidden and file.suffix.lower() in ARTICLE_SUFFIXES:
            yield file


def _manifest(path: Path) -> Iterator[BatchItem]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ArticleNotFoundError(str(path), exc.strerror or str(exc)) from exc
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            if raw.strip():
                yield _manifest_item(path, lineno, raw)


def _manifest_item(path: Path, lineno: int, raw: str) -> BatchItem:
    where = f"{path}:{lineno}"
    try:
        entry = json.loads(raw)
    except ValueError as exc:
        return BatchItem(id=where, problem=f"{where}: not JSON ({exc})")
    if not isinstance(entry, dict):
        return BatchItem(id=where, problem=f"{where}: expected an object with an id")
    raw_id = entry.get("id")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
        return BatchItem(id=where, problem=f"{where}: the id must be a non-empty string")
    item_id = str(raw_id)
    given = [k for k in ("text", "path", "url") if isinstance(entry.get(k), str)]
    if len(given) != 1:
        return BatchItem(
            id=item_id, problem=f"{where}: give exactly one of text, path or url (a string)"
        )
    value: str = entry[given[0]]
    if given[0] == "text":
        return BatchItem(id=item_id, text=value)
    if given[0] == "path":
        return BatchItem(id=item_id, path=path.parent / value)
    if not value.startswith(("http://", "https://")):
        return BatchItem(id=item_id, problem=f"{where}: url {value!r} is not http(s)")
    return BatchItem(id=item_id, url=value)


def load_local(item: BatchItem) -> Article:
    """Read an item given inline or as a file.

    Raises:
        InputError: The item is malformed, or the article unusable.
    """
    if item.problem is not None:
        raise InputError(item.problem)
    if item.text is not None:
        return article_from_text(item.text, source=item.id)
    if item.path is not None:
        return read_article(item.path)
    raise InputError(f"{item.id}: nothing to read locally")


async def fetch(
    url: str, client: httpx2.AsyncClient, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Fetch a page and read its story (HTML) or text.

    Raises:
        InputError: The page cannot be fetched, is too large or is not text.
    """
    try:
        async with client.stream("GET", url, follow_redirects=True) as response:
            if response.status_code != 200:
                raise ArticleNotFoundError(url, f"HTTP {response.status_code}")
            data = bytearray()
            async for chunk in response.aiter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise ArticleTooLargeError(url, len(data), max_bytes)
            kind = response.headers.get("content-type", "")
    except httpx2.HTTPError as exc:
        raise ArticleNotFoundError(url, f"fetch failed: {exc}") from exc
    text = decode_bytes(bytes(data), url)
    if "html" in kind.lower():
        return article_from_html(text, url)
    return article_from_text(text, url)
