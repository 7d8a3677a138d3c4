"""Keeping a shop's data safe in the window: one window per database, backups, rep mode, error reports."""
