"""``python -m congress_lib`` runs the command line."""

from .cli import main

raise SystemExit(main())
