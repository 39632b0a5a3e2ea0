"""``summarizer serve`` and ``summarizer keys``: thin shells over the service."""

from __future__ import annotations

import ipaddress
import os

import click

from summarizer.cli.options import endpoint_options
from summarizer.config import ENGINES
from summarizer.errors import ConfigurationError, InputError
from summarizer.llm.calllog import data_dir

_LOOPBACK_NAMES = frozenset({"localhost"})


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _need_server_extra() -> None:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise ConfigurationError(
            f"the service needs the server extra ({exc.name} is not installed): "
            "pip install 'summarizer[server]'"
        ) from None


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes."
)
@click.option(
    "--no-auth",
    is_flag=True,
    help="Serve without API keys; only when bound to a loopback address (127.0.0.1).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="auto",
    show_default=True,
    help="The default engine (a request may choose another).",
)
@endpoint_options
@click.option(
    "--rate-limit",
    type=click.IntRange(min=0),
    default=120,
    show_default=True,
    help="Requests per minute per key, per worker (0: no limit).",
)
@click.option(
    "--concurrency-limit",
    type=click.IntRange(min=0),
    default=8,
    show_default=True,
    help="Briefings in flight at once per key, per worker (0: no limit).",
)
@click.option(
    "--job-concurrency",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Articles of a batch job briefed at once.",
)
@click.option(
    "--grace",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    help="Seconds a SIGTERM waits for requests in flight.",
)
@click.option(
    "--no-cache", is_flag=True, help="Send every model request, even ones answered before."
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
)
def serve_command(
    host: str,
    port: int,
    workers: int,
    no_auth: bool,
    engine: str,
    model: str | None,
    base_url: str | None,
    mode: str | None,
    rate_limit: int,
    concurrency_limit: int,
    job_concurrency: int,
    grace: float,
    no_cache: bool,
    log_level: str,
) -> None:
    """Serve briefings over HTTP: the API under /v1, docs at /docs, a web page at /."""
    _need_server_extra()
    if no_auth and not _is_loopback(host):
        raise InputError(
            f"--no-auth is only allowed on a loopback address (127.0.0.1), not {host}: "
            "anyone who can reach the port could brief at your cost; make keys with "
            "'summarizer keys create NAME'"
        )
    # The workers read their configuration from the environment (uvicorn starts
    # them from an import string); one worker reads it the same way.
    env = {
        "SUMMARIZER_SERVE_ENGINE": engine,
        "SUMMARIZER_SERVE_NO_AUTH": "1" if no_auth else "0",
        "SUMMARIZER_SERVE_RATE_PER_MINUTE": str(rate_limit),
        "SUMMARIZER_SERVE_CONCURRENT": str(concurrency_limit),
        "SUMMARIZER_SERVE_JOB_CONCURRENCY": str(job_concurrency),
        "SUMMARIZER_SERVE_GRACE": str(grace),
        "SUMMARIZER_SERVE_NO_CACHE": "1" if no_cache else "0",
        "SUMMARIZER_SERVE_MODE": mode or "",
    }
    if model:
        env["SUMMARIZER_MODEL"] = model
    if base_url:
        env["OPENAI_BASE_URL"] = base_url
    os.environ.update(env)

    from summarizer.server.config import ServerConfig
    from summarizer.server.runner import serve

    config = ServerConfig.from_env(os.environ)
    resolved = config.settings.resolved_engine()
    where = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    said = (
        f"llm (model {config.settings.resolved_model()})"
        if resolved == "llm"
        else "extractive (offline; no model endpoint configured)"
    )
    click.echo(f"summarizer: engine: {said}", err=True)
    click.echo(f"summarizer: data: {config.data_dir}", err=True)
    if no_auth:
        click.echo(
            "summarizer: serving WITHOUT API keys (--no-auth): only this machine can reach "
            f"{where}",
            err=True,
        )
    else:
        from summarizer.server.storage import SQLiteStorage

        store = SQLiteStorage.in_dir(config.data_dir)
        try:
            if not any(not k.revoked for k in store.list_keys()):
                click.echo(
                    "summarizer: no API keys yet: make one with 'summarizer keys create NAME'",
                    err=True,
                )
        finally:
            store.close()
    click.echo(f"summarizer: serving on {where} (docs at {where}/docs, page at {where}/)", err=True)
    if workers > 1:
        serve(
            "summarizer.server:create_app",
            host=host,
            port=port,
            workers=workers,
            grace_s=grace,
            log_level=log_level,
        )
        return
    from summarizer.server.app import create_app

    serve(create_app(config), host=host, port=port, workers=1, grace_s=grace, log_level=log_level)


@click.group("keys")
def keys_group() -> None:
    """Make, list and revoke the service's API keys (stored as hashes)."""


@keys_group.command("create")
@click.argument("name")
def keys_create(name: str) -> None:
    """Make a key named NAME and print it (the only time it is shown)."""
    from summarizer.server.keys import create_key
    from summarizer.server.storage import SQLiteStorage

    store = SQLiteStorage.in_dir(data_dir(os.environ))
    try:
        key = create_key(store, name)
    finally:
        store.close()
    click.echo(key)
    click.echo(
        f"summarizer: key {name!r} made; it is shown only now (only its hash is kept). "
        "Send it as 'Authorization: Bearer <key>'.",
        err=True,
    )


@keys_group.command("list")
def keys_list() -> None:
    """List the keys: name, the first characters, when made, revoked or not."""
    from summarizer.server.storage import SQLiteStorage

    store = SQLiteStorage.in_dir(data_dir(os.environ))
    try:
        keys = store.list_keys()
    finally:
        store.close()
    for key in keys:
        state = "revoked" if key.revoked else "active"
        click.echo(f"{key.name}\t{key.prefix}…\t{key.created}\t{state}")


@keys_group.command("revoke")
@click.argument("name")
def keys_revoke(name: str) -> None:
    """Revoke the key named NAME: requests carrying it get 401 from now on."""
    from summarizer.server.storage import SQLiteStorage

    store = SQLiteStorage.in_dir(data_dir(os.environ))
    try:
        found = store.revoke_key(name)
    finally:
        store.close()
    if not found:
        raise InputError(f"no active key named {name!r}")
    click.echo(f"summarizer: key {name!r} revoked", err=True)
