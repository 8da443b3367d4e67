"""`python -m app` is the `polikg` command (useful where the script is not on PATH)."""

from app.cli import main

main()
