"""The maintainers' commands: preview, translation drift, reports, benchmark, Lighthouse."""
