import { migrateOutbox } from '../delivery/outbox';

/**
 * The ledger's own SQLite: the orders registered in it (its matching index and their state), the
 * transfers into its account with every report of each, credits to and from other ledgers, events, the
 * delivery outbox and the queue of D1 projection records.
 */
export function migrateLedger(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS orders (
      id TEXT PRIMARY KEY, payment_code TEXT NOT NULL, provider_account_id TEXT NOT NULL,
      provider_reference TEXT, virtual_account TEXT, status TEXT NOT NULL, amount INTEGER NOT NULL,
      amount_paid INTEGER NOT NULL, paid_at TEXT, expires_at TEXT NOT NULL, expires_ms INTEGER NOT NULL,
      version INTEGER NOT NULL, json TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS orders_code ON orders (payment_code);
    CREATE INDEX IF NOT EXISTS orders_reference ON orders (provider_account_id, provider_reference);
    CREATE INDEX IF NOT EXISTS orders_virtual_account ON orders (provider_account_id, virtual_account);
    CREATE INDEX IF NOT EXISTS orders_open ON orders (status, expires_ms);
    CREATE TABLE IF NOT EXISTS payments (
      id TEXT PRIMARY KEY, order_id TEXT, order_ledger TEXT, matched_by TEXT, amount INTEGER NOT NULL,
      bank_ref TEXT, code TEXT NOT NULL, first_at INTEGER NOT NULL, counts_at INTEGER NOT NULL,
      version INTEGER NOT NULL, json TEXT NOT NULL, raw TEXT);
    CREATE INDEX IF NOT EXISTS payments_bank_ref ON payments (bank_ref, amount);
    CREATE INDEX IF NOT EXISTS payments_code ON payments (code, amount, first_at);
    CREATE TABLE IF NOT EXISTS reports (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, payment_id TEXT NOT NULL, provider_account_id TEXT NOT NULL,
      provider TEXT NOT NULL, provider_tx_id TEXT NOT NULL, via TEXT NOT NULL, received_at TEXT NOT NULL,
      UNIQUE (provider_account_id, provider_tx_id, via));
    CREATE INDEX IF NOT EXISTS reports_transaction ON reports (provider_account_id, provider_tx_id);
    CREATE INDEX IF NOT EXISTS reports_payment ON reports (payment_id, seq);
    CREATE TABLE IF NOT EXISTS credits_in (payment_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, amount INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS credits_out (
      payment_id TEXT PRIMARY KEY, ledger TEXT NOT NULL, message TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
      next_at INTEGER NOT NULL);
  `);
  migrateEvents(sql);
}

/** Events, their fan-out state, the outbox and the projection queue: what every event-holding DO has. */
export function migrateEvents(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS events (
      id TEXT PRIMARY KEY, type TEXT NOT NULL, order_id TEXT, json TEXT NOT NULL, fanned INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX IF NOT EXISTS events_unfanned ON events (fanned);
    CREATE TABLE IF NOT EXISTS projection (
      kind TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, record TEXT NOT NULL, PRIMARY KEY (kind, key));
    CREATE INDEX IF NOT EXISTS projection_order ON projection (seq);
  `);
  migrateOutbox(sql);
}
