"""The import wizard's models and widgets."""
