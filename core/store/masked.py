"""What a rep's own SQL client reads on a server: buyers with phones and addresses masked, a phone search.

The schema `laoke_masked` holds views over the tables that store phones and addresses (customers, the
receiver fields of orders, import identities, search keys, the import journal), masked as the app's rep mode
masks them (core.safety.privacy: 138****1234, the address after its first six characters), and
`laoke_masked.find_phone(text)`, a SECURITY DEFINER function that finds buyers by a whole number or its last
four digits and returns their ids with the phone masked. The views run with their owner's rights, so a rep
reads them without reading the tables' columns.

The server refuses a rep the import journal's previous values (only the owner's undo reads them). The buyers' own columns stay readable to the rep group, because a rep's import
and the derived refresh compute identities and search keys from them in the client.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

SCHEMA = "laoke_masked"
# Columns a rep's role may not read at all: an import's undo record, read by the owner's undo alone.
OWNER_READS = {"import_changes": ("before",)}
# A key holding five digits in a row is a fragment of a phone (or its reversed tail).
PHONE_KEY = "[0-9]{5}"
_MASK_FUNCTIONS = (
    f"""CREATE FUNCTION {SCHEMA}.phone(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL OR value = '' THEN value
              WHEN length(value) >= 11 THEN left(value, 3) || repeat('*', length(value) - 7) || right(value, 4)
              ELSE repeat('*', greatest(length(value) - 4, 0)) || right(value, 4) END $$""",
    f"""CREATE FUNCTION {SCHEMA}.address(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL OR length(value) <= 6 THEN value ELSE left(value, 6) || '****' END $$""",
    f"""CREATE FUNCTION {SCHEMA}.alias(kind text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind = 'phone' OR value ~ '^[0-9]+$' THEN {SCHEMA}.phone(value)
              WHEN kind = 'name_address' THEN split_part(value, '|', 1) || '|'
                   || {SCHEMA}.address(substr(value, length(split_part(value, '|', 1)) + 2))
              ELSE value END $$""",
)
_FIND_PHONE = f"""
CREATE FUNCTION {SCHEMA}.find_phone(query text) RETURNS TABLE (customer_id bigint, phone text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH typed AS (SELECT regexp_replace(query, '[^0-9]', '', 'g') AS digits)
  SELECT c.id::bigint, {SCHEMA}.phone(coalesce(c.phone, c.phone_alt)) FROM customers c, typed
  WHERE c.merged_into_id IS NULL AND (
        length(digits) = 4 AND c.phone_last4 = digits
     OR length(digits) BETWEEN 7 AND 15 AND (c.phone = digits OR c.phone_alt = digits OR c.id IN (
          SELECT a.customer_id FROM customer_aliases a WHERE a.kind = 'phone' AND a.value = digits)))
  ORDER BY c.id LIMIT 200 $$
"""


def _columns(connection: Connection, table: str) -> list[str]:
    """The table's columns as the server has them (after every migration so far)."""
    return list(connection.scalars(text(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
        " AND table_name = :table ORDER BY ordinal_position"), {"table": table}))


def _view_columns(connection: Connection, table: str, masked: dict[str, str]) -> str:
    return ", ".join(f"{masked[column]} AS {column}" if column in masked else column
                     for column in _columns(connection, table))


def _views(connection: Connection) -> dict[str, str]:
    """Each masked view's SELECT, over every column of its table (so a new column shows up after an upgrade)."""
    phone, address = f"{SCHEMA}.phone", f"{SCHEMA}.address"
    masking = {
        "customers": {"phone": f"{phone}(phone)", "phone_alt": f"{phone}(phone_alt)",
                      "address": f"{address}(address)"},
        "orders": {"receiver_phone": f"{phone}(receiver_phone)", "receiver_address": f"{address}(receiver_address)"},
        "customer_aliases": {"value": f"{SCHEMA}.alias(kind, value)"},
        "customer_search_keys": {},
        "import_changes": {"before": "NULL::json"},
    }
    where = {"customer_search_keys": f" WHERE key !~ '{PHONE_KEY}'"}
    return {table: f"SELECT {_view_columns(connection, table, masked)} FROM public.{table}{where.get(table, '')}"
            for table, masked in masking.items()}


def create_masked_reading(connection: Connection, rep_role: str) -> None:
    """(Re)create the masked views and functions and grant them to the rep group; after every upgrade, as
    they name every column of their tables."""
    statements = [f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE", f"CREATE SCHEMA {SCHEMA}", *_MASK_FUNCTIONS, _FIND_PHONE]
    statements += [f"CREATE VIEW {SCHEMA}.{table} AS {query}" for table, query in _views(connection).items()]
    statements += [
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {rep_role}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {rep_role}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} TO {rep_role}",
    ]
    for statement in statements:
        connection.execute(text(statement))


def rep_select_grant(connection: Connection, table: str, rep_role: str) -> str:
    """SELECT for the rep group on `table`: every column but those only the owner's undo reads."""
    kept = OWNER_READS.get(table, ())
    if not kept:
        return f"GRANT SELECT ON {table} TO {rep_role}"
    columns = ", ".join(column for column in _columns(connection, table) if column not in kept)
    return f"GRANT SELECT ({columns}) ON {table} TO {rep_role}"
