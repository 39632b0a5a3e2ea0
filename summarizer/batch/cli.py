"""``summarizer batch`` and ``summarizer logs`` (being built; see issue 6)."""

from __future__ import annotations

import click


@click.command("batch")
def batch_command() -> None:
    """Brief many articles (not available yet)."""
    raise click.UsageError("summarizer batch is not available yet")


@click.command("logs")
def logs_command() -> None:
    """List and search the call log (not available yet)."""
    raise click.UsageError("summarizer logs is not available yet")
