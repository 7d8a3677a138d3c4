"""The customer book's widgets: the lazy table, filters, segments, detail, tags, duplicates and chat lookup."""
