"""The care calendar page's widgets, models and workers."""
