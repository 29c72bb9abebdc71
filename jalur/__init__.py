"""Jalur Resmi: the build of the site, in layers whose imports only go down.

    core      paths, URLs, errors, YAML reading, catalogs and Babel, QR codes
    models    one loader per data file (and per content page), each validated once: SiteData
    content   staging: front matter, markers (one explicit table), Markdown for MkDocs
    outputs   what is made from the staged pages and the data: MkDocs configs and runs, sitemaps,
              downloads, offline copies, previews, the service worker, leaflets
    build     the orchestrator: loads SiteData once and hands it to every phase
    devtools  the maintainers' commands: serve, drift, reports, benchmark, Lighthouse
    cli       one command line with subcommands (python -m jalur ...)

tests/test_layers.py parses every import (lazy ones too) and fails on an upward import or a cycle.
"""
