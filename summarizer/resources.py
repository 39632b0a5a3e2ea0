"""Where the packaged data lives: prompts, schemas and examples.

In a wheel these folders are package data inside ``summarizer/`` (see the
``force-include`` table in pyproject.toml). In a source checkout, or an editable
install, they sit at the top of the repository, beside the package.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_dir(name: str) -> Traversable:
    """Return the packaged folder ``name`` (``prompts``, ``schemas`` or ``examples``).

    Args:
        name: The folder's name.

    Returns:
        The folder, from the installed package or else from the source checkout.
    """
    packaged = files("summarizer").joinpath(name)
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / name).is_dir():
        return checkout / name
    return packaged
