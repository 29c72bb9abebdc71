"""Staging: content pages and data become the Markdown MkDocs builds (markers, front matter)."""
