"""The command line: a thin shell over the library.

Each command parses its options, calls one library function and renders the
result. Errors are mapped to one line on stderr and an exit code at a single
boundary (``main``): 0 ok, 1 model or runtime failure, 2 bad input or usage.
"""

from __future__ import annotations

import importlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import httpx2

from summarizer.api import Summarizer
from summarizer.cli.options import (
    datamark_option,
    endpoint_options,
    engine_options,
    max_tokens_option,
    source_options,
)
from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.inputs.article import SourceFormat
from summarizer.inputs.load import read_article
from summarizer.render import FORMATS, render_briefing
from summarizer.render.safe import printable
from summarizer.resources import resource_dir
from summarizer.schema import SCHEMAS, packaged_schema

if TYPE_CHECKING:
    from summarizer.llm.calllog import CallLog

_NO_ENDPOINT_HINT = (
    "no model endpoint configured: set OPENAI_API_KEY, or --base-url/OPENAI_BASE_URL "
    "and --model/SUMMARIZER_MODEL, to brief with a model"
)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    out = out.expanduser()
    try:
        if out.exists() and not out.is_file():
            # A FIFO or a device (/dev/stdout): write into it, as a shell would.
            with out.open("w", encoding="utf-8") as handle:
                handle.write(text)
            return
        _replace(Path(os.path.realpath(out)), text)
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from exc


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _replace(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target`` and rename it over ``target``.

    A failure, or an interrupt, never leaves half a file in place of a good one,
    nor the temporary file behind. The file gets the mode of the one it replaces,
    or the mode a new file gets under the umask.
    """
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


@contextmanager
def _summarizer(
    no_cache: bool = False, progress: bool | None = None, **options: Any
) -> Iterator[tuple[Summarizer, CallLog | None]]:
    """A Summarizer whose model calls go through the call log (and its cache), and that log.

    With ``progress`` (default: when stderr is a terminal), a request the model
    takes long over is noticed on stderr while it is out.
    """
    settings = Settings.from_env(os.environ, **options)
    with ExitStack() as stack:
        client, log = None, None
        if settings.resolved_engine() == "llm":
            from summarizer.cli.waiting import NoticedTransport, WaitNotice
            from summarizer.llm.cachetransport import CachingTransport
            from summarizer.llm.calllog import CallLog

            log = stack.enter_context(CallLog.open(os.environ))
            from summarizer.llm.bounds import http_transport

            network = http_transport(settings.base_url or "https://api.openai.com/v1")
            transport: httpx2.BaseTransport = CachingTransport(network, log, use_cache=not no_cache)
            terminal = sys.stderr.isatty()
            if progress or (progress is None and terminal):
                notice = WaitNotice(sys.stderr, terminal=terminal)
                stack.enter_context(notice.running())
                transport = NoticedTransport(transport, notice)
            client = stack.enter_context(httpx2.Client(transport=transport))
        summarizer = stack.enter_context(Summarizer(settings, http_client=client))
        _say_engine(summarizer, options.get("engine"))
        yield summarizer, log


def _say_engine(summarizer: Summarizer, asked: str | None) -> None:
    if asked == "auto":
        if summarizer.engine == "extractive":
            click.echo(f"summarizer: engine: extractive ({_NO_ENDPOINT_HINT})", err=True)
        else:
            model = summarizer.settings.resolved_model()
            click.echo(f"summarizer: engine: llm (model {model})", err=True)


class _Commands(click.Group):
    """Loads the commands that live in their own modules only when they are asked for.

    ``eval``, ``batch``, ``logs``, ``doctor``, ``serve`` and ``keys`` pull in vcrpy,
    SQLite, rich progress bars, the openai client and FastAPI; ``brief`` with the
    offline engine needs none of them, so they are not imported to start it.
    """

    LAZY = {
        "eval": "summarizer.evals.cli:eval_group",
        "batch": "summarizer.batch.cli:batch_command",
        "logs": "summarizer.batch.cli:logs_command",
        "doctor": "summarizer.cli.doctor:doctor_command",
        "serve": "summarizer.server.cli:serve_command",
        "keys": "summarizer.server.cli:keys_group",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.LAZY.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
def cli() -> None:
    """Grounded briefings of news articles: every quote checked against the article."""


@cli.command()
@click.argument("article", metavar="ARTICLE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text (a rich layout on a terminal, plain when piped), markdown, json, or html "
    "(one page: the article beside the briefing, every quote highlighted).",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout."
)
@click.option(
    "--provenance",
    is_flag=True,
    help="With --format json: wrap the briefing with its provenance and source.",
)
@source_options
@click.option(
    "--no-cache",
    is_flag=True,
    help="Send the request even if an accepted answer to it is in the call log "
    "(it is still logged).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Say on stderr how long the model has been working on a slow request "
    "(default: when stderr is a terminal).",
)
@engine_options
def brief(
    article: str,
    fmt: str,
    out: Path | None,
    provenance: bool,
    encoding: str | None,
    input_format: SourceFormat,
    allow_private: bool,
    **options: Any,
) -> None:
    """Brief ARTICLE (an http(s) URL, a text or HTML file, or - for stdin)."""
    loaded = read_article(
        article, encoding=encoding, input_format=input_format, allow_private=allow_private
    )
    with _summarizer(**options) as (summarizer, log):
        result = summarizer.summarize(loaded)
        if log is not None and log.tally.cache_hits and not log.tally.http_calls:
            click.echo(
                f"summarizer: answered from the call log ({log.path}): an earlier answer to "
                "this exact request passed every check; --no-cache asks the model again",
                err=True,
            )
    if fmt == "text" and out is None and sys.stdout.isatty():
        from summarizer.render.rich import print_rich

        print_rich(result)
        return
    text = render_briefing(result, fmt, article_text=loaded.text, provenance=provenance)
    _write(text, out)


@cli.command()
@click.argument("article", metavar="ARTICLE")
@source_options
@click.option(
    "--request",
    "as_request",
    is_flag=True,
    help="Print the JSON body of the first chat request instead, as the chosen --mode and "
    "--model shape it (captured in process; nothing is sent).",
)
@endpoint_options
@max_tokens_option
@datamark_option
def prompt(
    article: str,
    encoding: str | None,
    input_format: SourceFormat,
    allow_private: bool,
    as_request: bool,
    **options: Any,
) -> None:
    """Print the exact messages the LLM engine would send for ARTICLE."""
    loaded = read_article(
        article, encoding=encoding, input_format=input_format, allow_private=allow_private
    )
    if as_request:
        from summarizer.llm.capture import request_body

        click.echo(json.dumps(request_body(loaded, **options), indent=2, ensure_ascii=False))
        return
    options["engine"] = "extractive"  # rendering needs no endpoint
    with Summarizer.from_env(**options) as summarizer:
        rendered = summarizer.prompt(loaded)
    click.echo(f"# template {rendered.template} v{rendered.version} sha256:{rendered.hash}")
    for message in rendered.messages:
        click.echo(f"\n## {message['role']}\n")
        click.echo(message["content"])


@cli.command()
@click.option("--gold", is_flag=True, help="The gold briefing schema instead of the Briefing.")
@click.option(
    "--write",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Regenerate the schema files into this folder.",
)
def schema(gold: bool, directory: Path | None) -> None:
    """Print the Briefing JSON Schema (or write every schema file with --write)."""
    if directory is not None:
        from summarizer.schema import write_schemas

        directory.mkdir(parents=True, exist_ok=True)
        for path in write_schemas(directory):
            click.echo(f"wrote {path}", err=True)
        return
    name = next(n for n in SCHEMAS if n.startswith("gold" if gold else "briefing"))
    click.echo(packaged_schema(name), nl=False)


@cli.command()
def example() -> None:
    """Print the path of the bundled example page."""
    click.echo(str(resource_dir("examples").joinpath("harbour-vote.page.txt")))


def _flag_hint(exc: SummarizerError) -> str:
    """The flags that set what a configuration error asks for (the library names settings)."""
    settings = getattr(exc, "settings", ())
    if not settings:
        return ""
    return " (" + ", ".join("--" + name.replace("_", "-") for name in settings) + ")"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 runtime failure, 2 bad input)."""
    try:
        code = cli.main(args=argv, prog_name="summarizer", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("summarizer: interrupted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except SummarizerError as exc:
        # A message may quote a file name, a URL or a server's words: no control codes.
        click.echo(printable(f"summarizer: error: {exc}{_flag_hint(exc)}"), err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("summarizer: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the one boundary where anything left becomes one line
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        click.echo(
            printable(
                f"summarizer: internal error: {type(exc).__name__}: {exc} "
                "(set SUMMARIZER_DEBUG=1 for the traceback, and please report it)"
            ),
            err=True,
        )
        return 1
    return code if isinstance(code, int) else 0


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
