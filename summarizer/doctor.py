"""``summarizer doctor`` (being built; see issue 7)."""

from __future__ import annotations

import click


@click.command("doctor")
def doctor_command() -> None:
    """Check a model endpoint (not available yet)."""
    raise click.UsageError("summarizer doctor is not available yet")
