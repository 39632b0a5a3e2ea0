"""What a batch reads: article files, folders of them, and JSONL manifests.

A manifest line is ``{"id": ..., "text": ...}``, ``{"id": ..., "path": ...}`` (relative
to the manifest) or ``{"id": ..., "url": ...}``. Items are produced lazily, one at a
time, so a batch of any size holds only the articles in flight (and the set of ids).
A record that cannot be used (a line that is not UTF-8 or not JSON, an id or text
that is not valid Unicode, a duplicate id) becomes an item with a ``problem``,
reported as an error line rather than stopping the batch.

Ids are unique across all the inputs of a run, because the output holds one line
per id and a rerun skips the ids it holds:

- a file in a folder is named by its path relative to the folder (``sub/story.txt``);
  when two inputs hold the same relative path, each such file is named with its
  input in front (``day1/story.txt``, ``day2/story.txt``), whatever their order;
- a file given by itself is named by its path as given;
- a manifest's ids are its own; a second record with an id already used is an error
  line, named by where it is (``in.jsonl:7``), not briefed and not skipped quietly.

A folder holds articles: ``.txt``, ``.text``, ``.md``, ``.html`` and ``.htm`` files,
hidden ones and the usual project files (README, CHANGELOG, LICENSE, ...) left out.
A file named on the command line is always read.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from summarizer.batch.output import printable
from summarizer.errors import ArticleNotFoundError, ArticleTooLargeError, InputError
from summarizer.inputs.article import DEFAULT_MAX_BYTES, Article, article_from_text
from summarizer.inputs.fetch import is_url
from summarizer.inputs.load import read_article

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
MANIFEST_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Files a folder of articles often holds that are not articles (compared without
# case, on the part of the name before its first dot: README.md, LICENSE.txt).
NOT_ARTICLES = frozenset(
    {
        "readme",
        "changelog",
        "changes",
        "history",
        "news",
        "license",
        "licence",
        "copying",
        "notice",
        "authors",
        "contributors",
        "contributing",
        "code_of_conduct",
        "security",
    }
)
# A manifest line longer than this is refused without being held in memory. An
# article is at most DEFAULT_MAX_BYTES; JSON escapes can make it a few times longer.
MAX_MANIFEST_LINE = 8 * DEFAULT_MAX_BYTES
_CHUNK = 1 << 20


@dataclass(frozen=True)
class BatchItem:
    """One article to brief, not yet read.

    Attributes:
        id: Unique within the run's inputs.
        text: The article text, given inline.
        path: A file to read.
        url: A page to fetch.
        problem: Why the item cannot be briefed (a malformed manifest line).
        origin: Where it was found, for messages: a file's path or ``manifest:line``.
    """

    id: str
    text: str | None = None
    path: Path | None = None
    url: str | None = None
    problem: str | None = None
    origin: str = ""


def check_inputs(inputs: Sequence[Path]) -> None:
    """Fail before any work when an input does not exist or cannot be read.

    Raises:
        ArticleNotFoundError: An input path is missing, or a manifest cannot be opened
            or is not a regular file.
        InputError: No inputs were given.
    """
    if not inputs:
        raise InputError("no inputs: give article files, folders or JSONL manifests")
    for path in inputs:
        if not path.exists():
            raise ArticleNotFoundError(printable(str(path)))
        if _is_manifest(path):
            _check_readable(path)  # a pipe named list.jsonl would block the open below
            try:
                path.open("rb").close()
            except OSError as exc:
                raise ArticleNotFoundError(printable(str(path)), exc.strerror or str(exc)) from exc


def iter_items(inputs: Sequence[Path]) -> Iterator[BatchItem]:
    """Every item of ``inputs``, in order: folders sorted, manifests line by line.

    An input given twice (the same file or folder) is read once.
    """
    distinct = _distinct(inputs)
    clashing = _clashing_names(distinct)
    ids = _Ids()
    for path in distinct:
        if path.is_dir():
            found: Iterable[BatchItem] = _folder(path, clashing)
        elif _is_manifest(path):
            found = _manifest(path)
        else:
            label = printable(str(path))
            found = [BatchItem(id=label, path=path, origin=label)]
        for item in found:
            yield ids.claim(item)


def _is_manifest(path: Path) -> bool:
    return path.suffix.lower() in MANIFEST_SUFFIXES and not path.is_dir()


def _distinct(inputs: Sequence[Path]) -> list[Path]:
    seen: set[str] = set()
    kept = []
    for path in inputs:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


class _Ids:
    """The ids given out so far; a second item with one becomes an error item."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def claim(self, item: BatchItem) -> BatchItem:
        taken = self.first.get(item.id)
        if taken is None:
            self.first[item.id] = item.origin
            return item
        name = self._free(item.origin or item.id)
        self.first[name] = item.origin
        return BatchItem(
            id=name,
            problem=(
                f"{item.origin}: duplicate id {item.id!r}, already given by {taken}; "
                "every id must be unique across the inputs (this one was not briefed)"
            ),
            origin=item.origin,
        )

    def _free(self, base: str) -> str:
        name, n = base, 1
        while name in self.first:
            n += 1
            name = f"{base}#{n}"
        return name


# --- folders ---------------------------------------------------------------


def _label(path: Path) -> str:
    return printable(path.as_posix())


def _folder_files(folder: Path) -> tuple[list[tuple[str, Path]], list[tuple[str, str]]]:
    """The articles under ``folder`` and the subfolders that could not be read.

    Returns:
        (relative id, path) of each article, sorted; (path, reason) of each
        subfolder that could not be listed.
    """
    files: list[tuple[str, Path]] = []
    unreadable: list[tuple[str, str]] = []

    def failed(exc: OSError) -> None:
        unreadable.append((printable(str(exc.filename)), exc.strerror or str(exc)))

    for root, dirs, names in os.walk(folder, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            file = Path(root) / name
            if _is_article_name(name) and file.is_file():
                files.append((printable(file.relative_to(folder).as_posix()), file))
    files.sort(key=lambda found: found[1])
    return files, unreadable


def _is_article_name(name: str) -> bool:
    if name.startswith("."):
        return False
    suffix = os.path.splitext(name)[1].lower()
    return suffix in ARTICLE_SUFFIXES and name.split(".")[0].lower() not in NOT_ARTICLES


def _clashing_names(inputs: Sequence[Path]) -> set[str]:
    """The ids that two or more of the folder and file inputs would each give."""
    counts: Counter[str] = Counter()
    for path in inputs:
        if path.is_dir():
            counts.update({rel for rel, _ in _folder_files(path)[0]})
        elif not _is_manifest(path):
            counts[printable(str(path))] += 1
    return {name for name, n in counts.items() if n > 1}


def _folder(folder: Path, clashing: set[str]) -> Iterator[BatchItem]:
    files, unreadable = _folder_files(folder)
    for rel, file in files:
        item_id = f"{_label(folder)}/{rel}" if rel in clashing else rel
        yield BatchItem(id=item_id, path=file, origin=printable(str(file)))
    for where, reason in unreadable:
        yield BatchItem(id=where, problem=f"cannot read folder {where}: {reason}", origin=where)


# --- manifests -------------------------------------------------------------


def _manifest(path: Path) -> Iterator[BatchItem]:
    label = printable(str(path))
    try:
        handle = path.open("rb")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield BatchItem(id=label, problem=f"cannot read manifest {label}: {reason}", origin=label)
        return
    with handle:
        lineno = 0
        while True:
            where = f"{label}:{lineno + 1}"
            try:
                raw = handle.readline(MAX_MANIFEST_LINE + 1)
                if len(raw) > MAX_MANIFEST_LINE:
                    _skip_line(handle)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                yield BatchItem(id=where, problem=f"cannot read {where}: {reason}", origin=where)
                return
            if not raw:
                return
            lineno += 1
            if len(raw) > MAX_MANIFEST_LINE:
                problem = f"{where}: the line is over {MAX_MANIFEST_LINE:,} bytes"
                yield BatchItem(id=where, problem=problem, origin=where)
                continue
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if raw.strip():
                yield _manifest_item(path, where, raw)


def _skip_line(handle: IO[bytes]) -> None:
    while chunk := handle.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _bad_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _manifest_item(path: Path, where: str, raw: bytes) -> BatchItem:
    def bad(problem: str, item_id: str = where) -> BatchItem:
        return BatchItem(id=item_id, problem=f"{where}: {problem}", origin=where)

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return bad(f"not valid UTF-8 at byte {exc.start}; save the manifest as UTF-8")
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return bad(f"not JSON ({printable(str(exc))})")
    if not isinstance(entry, dict):
        return bad("expected an object with an id")
    raw_id = entry.get("id")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
        return bad("the id must be a non-empty string")
    item_id = str(raw_id)
    if _bad_unicode(item_id):
        return bad("the id is not valid Unicode (it holds a lone surrogate escape such as \\ud800)")
    given = [k for k in ("text", "path", "url") if isinstance(entry.get(k), str)]
    if len(given) != 1:
        return bad("give exactly one of text, path or url (a string)", item_id)
    field = given[0]
    value: str = entry[field]
    if _bad_unicode(value):
        return bad(
            f"the {field} is not valid Unicode (it holds a lone surrogate escape such as \\ud800)",
            item_id,
        )
    if field == "text":
        return BatchItem(id=item_id, text=value, origin=where)
    if "\x00" in value:
        return bad(f"the {field} holds a NUL character", item_id)
    if field == "path":
        return BatchItem(id=item_id, path=path.parent / value, origin=where)
    if not is_url(value):
        return bad(f"url {value!r} is not http(s)", item_id)
    return BatchItem(id=item_id, url=value.strip(), origin=where)


# --- reading ---------------------------------------------------------------


def _check_readable(path: Path) -> None:
    """Refuse a pipe, device or socket: reading one can block for ever or never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # read_article says why
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise ArticleNotFoundError(
            printable(str(path)), "is not a regular file (a pipe, a device or a socket)"
        )


def load_local(item: BatchItem, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read an item given inline or as a file.

    Inline text has the same size limit as a file.

    Raises:
        InputError: The item is malformed, or the article unusable.
    """
    if item.problem is not None:
        raise InputError(item.problem)
    if item.text is not None:
        # Characters are 1 to 4 bytes: count the bytes only when it could matter.
        if len(item.text) * 4 > max_bytes:
            size = len(item.text.encode("utf-8"))
            if size > max_bytes:
                raise ArticleTooLargeError(item.origin or item.id, size, max_bytes)
        return article_from_text(item.text, source=item.id)
    if item.path is not None:
        _check_readable(item.path)
        article = read_article(item.path, max_bytes=max_bytes)
        # A file name's undecodable bytes would make the result unwritable as UTF-8.
        return replace(article, source=printable(article.source))
    raise InputError(f"{item.id}: nothing to read locally")
