"""Laoke's product core. No Qt here. The wings, from the bottom up (`lint-imports` keeps this order):

- `store`: the database: engines and sessions, the schema, migrations, bulk writes, settings, backups.
- `figures` and `safety`: what the orders tell us (order facts, figures, lifecycle, RFM, rhythm, insights),
  and what keeps the book safe (hostile files, privacy and rep mode, formula-safe spreadsheets).
- `care`, `search` and `loyalty`: the care calendar, the search index with its queries, and member tiers
  with the points ledger.
- `refresh`: the one call after a change that recomputes everything derived (figures, search keys, tiers
  and points, care).
- `importing` and `customers`: order sheets into the book, and the book's own work (list, edit, merge, export).
- `demo` and `today`: the demo shop, which builds on everything, and the Today page's figures.
- `cli`: the command line, at the top.

The modules loose at this level (messages, errors, progress, logs, paths, collector, phones, addresses) are
the floor every wing stands on; they import no wing.
"""

__version__ = "0.1.0"
APP_NAME = "Laoke"
