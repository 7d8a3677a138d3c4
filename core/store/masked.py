"""What a rep reads on a server: buyers with phones and addresses masked, and the few server-side steps
that need the real values.

The server refuses the rep group the columns that hold phones and addresses (customers' phone, phone_alt and
address, orders' receiver_phone and receiver_address), the import journal's previous values, and every row
of the aliases and search keys. The schema `laoke_masked` holds views over those tables that mask them as the
app's rep mode does (core.safety.privacy: 138****1234, the address after its first six characters; the search
keys without those of phones). A rep's connection puts `laoke_masked` first on its search path
(core.store.db), so the app's own queries read the views; writes that carry new phones (an import's COPYs)
name the `public` tables. The views run with their owner's rights and are security barriers.

What a rep's work must do with the real values runs in SECURITY DEFINER functions owned by the schema's
owner, none of which returns a phone or address: `find_phone` (buyers by a whole number or its last four
digits, masked), `known_identities` (which buyer an import's identities already belong to),
`forget_search_keys` / `add_phone_keys` (a buyer's search keys rewritten, those of phones built in SQL),
`journal_receivers` (the import journal's previous receiver fields), `fill_from_merged` (a merge fills
the kept buyer's empty phone and address from the other's) and `secret_groups` (the duplicates' groups). `reveal_phone` is the one that answers a number:
one buyer's, for the rep's explicit Reveal, logged with the rep's login.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

SCHEMA = "laoke_masked"
# Columns a rep's role may not read in the tables: phones, addresses, and the import's undo record.
SECRET_COLUMNS = {"customers": ("phone", "phone_alt", "address"), "orders": ("receiver_phone", "receiver_address")}
OWNER_READS = {**SECRET_COLUMNS, "import_changes": ("before",)}
# Tables whose every row may hold a secret: a rep reads them through the views only.
VIEWED_ONLY = ("customer_aliases", "customer_search_keys")
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

# The keys of a phone as core.search.keys._phone_keys builds them (its digits; PHONE_TAIL_MARK and the digits
# reversed), of kinds 0 and 7, for the customers' phones and their accounts that are phones.
_ADD_PHONE_KEYS = f"""
CREATE FUNCTION {SCHEMA}.add_phone_keys(ids bigint[], key_length int) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH phones AS (
    SELECT c.id, regexp_replace(p.phone, '[^0-9]', '', 'g') AS digits, c.last_order_at
    FROM customers c CROSS JOIN LATERAL (VALUES (c.phone), (c.phone_alt)) AS p(phone)
    WHERE c.id = ANY(ids) AND c.merged_into_id IS NULL AND p.phone IS NOT NULL
    UNION ALL
    SELECT c.id, a.value, c.last_order_at FROM customer_aliases a JOIN customers c ON c.id = a.customer_id
    WHERE c.id = ANY(ids) AND c.merged_into_id IS NULL AND a.kind IN ('buyer_id', 'nickname', 'email')
      AND a.value ~ '^[0-9]{{7,15}}$'),
  keys AS (
    SELECT left(digits, key_length) AS key, id, 0 AS kind, last_order_at FROM phones WHERE digits <> ''
    UNION ALL
    SELECT left(chr(1) || reverse(digits), key_length), id, 7, last_order_at FROM phones WHERE digits <> '')
  INSERT INTO customer_search_keys (key, customer_id, kind, last_order_at)
  SELECT key, id, min(kind), min(last_order_at) FROM keys GROUP BY key, id
  ON CONFLICT (key, customer_id) DO UPDATE SET kind = least(customer_search_keys.kind, excluded.kind) $$
"""
_SECRET_STEPS = (
    f"""CREATE FUNCTION {SCHEMA}.known_identities(wanted text[])
RETURNS TABLE (kind text, platform text, value text, customer_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.kind::text, a.platform::text, a.value::text, a.customer_id::bigint FROM customer_aliases a
  WHERE a.value = ANY(wanted) $$""",
    f"""CREATE FUNCTION {SCHEMA}.forget_search_keys(ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM customer_search_keys WHERE customer_id = ANY(ids) $$""",
    _ADD_PHONE_KEYS,
    f"""CREATE FUNCTION {SCHEMA}.journal_receivers(batch bigint, ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE import_changes j SET before = (j.before::jsonb || jsonb_build_object(
      'receiver_phone', o.receiver_phone, 'receiver_address', o.receiver_address))::json
  FROM orders o WHERE j.batch_id = batch AND j.entity = 'order' AND j.action = 'update' AND j.entity_id = ANY(ids)
    AND o.id = j.entity_id $$""",
    # A rep's Reveal (the detail's button, a care task started by phone): one number, logged for the owner with
    # the rep's login (the audit trigger writes session_user, which a SECURITY DEFINER function keeps).
    f"""CREATE FUNCTION {SCHEMA}.reveal_phone(customer bigint, action text, detail text) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO audit_events (at, action, customer_id, detail)
  SELECT localtimestamp(0), action, id, detail FROM customers WHERE id = customer;
  SELECT phone FROM customers WHERE id = customer $$""",
    # The Duplicates dialog's groups of one phone, or one name and address: a number per group, meaningless
    # outside this call, instead of the value.
    f"""CREATE FUNCTION {SCHEMA}.secret_groups(reason text) RETURNS TABLE (id bigint, key bigint, platform text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.id, dense_rank() OVER (ORDER BY k.value), k.platform FROM (
    SELECT c.id::bigint AS id, CASE reason WHEN 'phone' THEN c.phone ELSE c.name || '|' || c.address END AS value,
           c.platform::text AS platform
    FROM customers c WHERE c.merged_into_id IS NULL) k
  WHERE k.value IS NOT NULL AND k.value <> '' $$""",
    f"""CREATE FUNCTION {SCHEMA}.fill_from_merged(kept_id bigint, merged_id bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE customers k SET
    phone = coalesce(nullif(k.phone, ''), nullif(m.phone, ''), k.phone),
    phone_alt = CASE WHEN nullif(k.phone_alt, '') IS NOT NULL THEN k.phone_alt
                     WHEN nullif(m.phone, '') IS NOT NULL AND m.phone IS DISTINCT FROM k.phone THEN m.phone
                     ELSE coalesce(nullif(m.phone_alt, ''), k.phone_alt) END,
    address = coalesce(nullif(k.address, ''), nullif(m.address, ''), k.address)
  FROM customers m WHERE k.id = kept_id AND m.id = merged_id $$""",
)


MASKED = "laoke_reads_masked"  # in a connection's info: it reads through the views (a rep on a server)
_IS_REP = (f"SELECT CASE WHEN to_regclass('{SCHEMA}.customers') IS NULL THEN false"
           " ELSE NOT has_column_privilege('public.customers', 'phone', 'SELECT') END")


def read_masked_when_a_rep(dbapi_connection: Any, record: Any) -> None:
    """On connecting to a server: a role refused the buyers' phones reads the masked views, first on its
    search path, and its connection is marked so the writers take the server-side steps."""
    with dbapi_connection.cursor() as cursor:
        masked = bool(cursor.execute(_IS_REP).fetchone()[0])
        if masked:
            cursor.execute(f"SET search_path = {SCHEMA}, public")
    dbapi_connection.commit()
    record.info[MASKED] = masked


def reads_masked(connection: Connection) -> bool:
    """Whether this connection is a rep's on a server, who may not read phones and addresses."""
    return bool(connection.info.get(MASKED))


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
    }
    where = {"customer_search_keys": f" WHERE key !~ '{PHONE_KEY}'"}
    return {table: f"SELECT {_view_columns(connection, table, masked)} FROM public.{table}{where.get(table, '')}"
            for table, masked in masking.items()}


def create_masked_reading(connection: Connection, rep_role: str) -> None:
    """(Re)create the masked views and functions and grant them to the rep group; after every upgrade, as
    they name every column of their tables."""
    statements = [f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE", f"CREATE SCHEMA {SCHEMA}", *_MASK_FUNCTIONS, _FIND_PHONE,
                  *_SECRET_STEPS]
    statements += [f"CREATE VIEW {SCHEMA}.{table} WITH (security_barrier) AS {query}"
                   for table, query in _views(connection).items()]
    statements += [
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {rep_role}",
        # Through the views a rep reads masked values and writes the columns that are the tables' own (a
        # masked column is read-only there); deleting stays what the tables grant (search keys only).
        f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA {SCHEMA} TO {rep_role}",
        f"GRANT DELETE ON {SCHEMA}.customer_search_keys TO {rep_role}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} TO {rep_role}",
    ]
    for statement in statements:
        connection.execute(text(statement))


def rep_select_grant(connection: Connection, table: str, rep_role: str) -> str:
    """SELECT for the rep group on `table`: every column but phones, addresses and the undo record; nothing
    of a table read through its view only."""
    if table in VIEWED_ONLY:
        return f"REVOKE SELECT ON {table} FROM {rep_role}"
    kept = OWNER_READS.get(table, ())
    if not kept:
        return f"GRANT SELECT ON {table} TO {rep_role}"
    columns = ", ".join(column for column in _columns(connection, table) if column not in kept)
    return f"GRANT SELECT ({columns}) ON {table} TO {rep_role}"
