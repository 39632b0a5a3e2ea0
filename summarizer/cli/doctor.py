"""``summarizer doctor``: is this endpoint usable for briefings?"""

from __future__ import annotations

import os

import click

from summarizer.cli.options import endpoint_options, timeout_option
from summarizer.config import Settings
from summarizer.llm.doctor import diagnose, render_checks


@click.command("doctor")
@endpoint_options
@timeout_option
@click.pass_context
def doctor_command(
    ctx: click.Context,
    model: str | None,
    base_url: str | None,
    mode: str | None,
    timeout: float | None,
) -> None:
    """Check a model endpoint: reachable, model listed, structured output, context length.

    Exits 0 when every check passes, 1 otherwise.
    """
    settings = Settings.from_env(
        os.environ, base_url=base_url, model=model, mode=mode, timeout=timeout
    )
    checks = diagnose(settings)
    click.echo(render_checks(settings, checks), nl=False)
    ctx.exit(1 if any(c.status == "fail" for c in checks) else 0)
