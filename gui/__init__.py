"""Laoke's face: thin Qt widgets, item models and workers over `core`."""
