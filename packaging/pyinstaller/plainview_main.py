"""Entry point of the frozen app: the desktop app with no arguments, the CLI with arguments.

``freeze_support()`` must run first so that worker processes started with ``multiprocessing``
(the importer parses untrusted input in one) work inside the bundle on every platform.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from plainview.cli import main

    raise SystemExit(main())
