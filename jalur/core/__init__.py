"""Paths, URLs, errors, YAML reading, catalogs and Babel formatting, QR codes: no project logic."""
