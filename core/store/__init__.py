"""Where the book is stored: engines and sessions (`db`), the schema (`models`), Alembic migrations
(`migrate`, `migrations/`), opening a book (`opening`: a backup before an upgrade, then the upgrade), bulk
writes (`bulk`), the shop's settings (`settings`), and copies of the file (`backup`, `restore`)."""
