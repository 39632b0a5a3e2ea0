"""The command line: ``summarizer brief``, ``prompt``, ``batch``, ``eval``, ``doctor`` ...

Each command parses its options, calls one library function, renders the result
and maps the project's errors to one line and an exit code.
"""

from summarizer.cli.main import cli, entry, main

__all__ = ["cli", "entry", "main"]
