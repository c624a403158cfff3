"""Inline assets of the HTML report, kept as Python strings so they ship with the package."""
