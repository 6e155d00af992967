"""``python -m astc``."""

from astc.cli import main

if __name__ == "__main__":
    main(prog_name="astc")
