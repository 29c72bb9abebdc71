"""One loader per data file and per content page, each validated once per build (SiteData)."""
