-- Reconciliation (CONTRACT §9): one row per run of one provider account, and where each account's
-- pulls resume (the provider's own cursor, stored only after the reports it covers were committed).

CREATE TABLE reconciliation_runs (
  id TEXT PRIMARY KEY,                    -- rec_…
  merchant_id TEXT NOT NULL,
  provider_account_id TEXT NOT NULL,
  trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  since TEXT,                             -- the since a manual run was asked for
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  fetched INTEGER NOT NULL DEFAULT 0,
  settled INTEGER NOT NULL DEFAULT 0,
  known INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
CREATE INDEX reconciliation_runs_list ON reconciliation_runs(merchant_id, started_at DESC, id DESC);
CREATE INDEX reconciliation_runs_account ON reconciliation_runs(provider_account_id, started_at DESC, id DESC);
CREATE INDEX reconciliation_runs_age ON reconciliation_runs(started_at);

CREATE TABLE reconciliation_cursors (
  provider_account_id TEXT PRIMARY KEY,
  cursor TEXT,                            -- the provider's cursor (its own JSON), or NULL before the first page
  next_due_at TEXT NOT NULL,              -- when the schedule pulls the account next
  updated_at TEXT NOT NULL
);

-- Status checks (payOS, VietQR.vn) look at one account's open and recently expired orders.
CREATE INDEX orders_reconcile ON orders(provider_account_id, expires_at);
-- (The expiry sweep uses orders_open_expiry of 0002_ledger.sql.)
