"""`python -m jalur <command>`: see jalur/cli.py."""

import sys

from jalur.cli import main

sys.exit(main())
