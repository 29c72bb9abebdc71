"""Printable leaflets: compose (HTML from pages and data), pdf (WeasyPrint), cache, run (the pool)."""
