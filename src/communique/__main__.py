"""Run the CLI with ``python -m communique``."""

from .cli import main

main()
