-- Money is INTEGER VND. Times are ISO 8601 UTC text (sortable). JSON columns are TEXT.

CREATE TABLE merchants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  created_at TEXT NOT NULL
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  key_hash TEXT NOT NULL UNIQUE,          -- SHA-256 hex of the whole key
  prefix TEXT NOT NULL,                   -- first characters, for display
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_keys_merchant ON api_keys(merchant_id);

CREATE TABLE provider_accounts (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  provider TEXT NOT NULL,
  label TEXT,
  creates_qr INTEGER NOT NULL,
  base_url TEXT,
  config TEXT NOT NULL DEFAULT '{}',      -- non-secret fields (bank, account number, account name…)
  credentials TEXT NOT NULL,              -- secret-box (AES-256-GCM, row id as AD) of a JSON object
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX provider_accounts_merchant ON provider_accounts(merchant_id, created_at DESC, id DESC);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  provider_account_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  status TEXT NOT NULL,
  amount INTEGER NOT NULL,
  amount_paid INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT 'VND',
  reference TEXT NOT NULL,
  description TEXT,
  payment_code TEXT NOT NULL,
  qr_payload TEXT NOT NULL,
  bank TEXT NOT NULL,                     -- JSON {bin, shortName, name, accountNumber, accountName}
  transfer_content TEXT NOT NULL,
  return_url TEXT,
  metadata TEXT NOT NULL DEFAULT '{}',
  provider_reference TEXT,                -- the provider's own id for this order (matching)
  virtual_account TEXT,                   -- the order's virtual account, when the provider gives one
  provider_data TEXT NOT NULL DEFAULT '{}',
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  paid_at TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0      -- DO state version: projections only move forward
);
CREATE UNIQUE INDEX orders_reference ON orders(merchant_id, reference);
CREATE UNIQUE INDEX orders_payment_code ON orders(merchant_id, payment_code);
CREATE INDEX orders_list ON orders(merchant_id, created_at DESC, id DESC);
CREATE INDEX orders_status ON orders(merchant_id, status, created_at DESC, id DESC);
CREATE INDEX orders_provider_reference ON orders(provider_account_id, provider_reference);
CREATE INDEX orders_virtual_account ON orders(provider_account_id, virtual_account);
CREATE INDEX orders_code_lookup ON orders(payment_code);

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  order_id TEXT,
  provider_account_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  provider_transaction_id TEXT NOT NULL,
  bank_reference TEXT,
  amount INTEGER NOT NULL,
  content TEXT NOT NULL,
  account_number TEXT,
  counter_account TEXT,                   -- JSON or NULL
  occurred_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  matched_by TEXT,
  raw TEXT                                -- the provider's body, for audit
);
CREATE UNIQUE INDEX payments_dedup ON payments(provider_account_id, provider_transaction_id);
CREATE INDEX payments_order ON payments(order_id, received_at DESC, id DESC);
CREATE INDEX payments_merchant ON payments(merchant_id, received_at DESC, id DESC);
CREATE INDEX payments_unmatched ON payments(merchant_id, order_id, received_at DESC, id DESC);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  type TEXT NOT NULL,
  order_id TEXT,
  payment_id TEXT,
  data TEXT NOT NULL,                     -- JSON {order, payment}
  created_at TEXT NOT NULL
);
CREATE INDEX events_list ON events(merchant_id, created_at DESC, id DESC);
CREATE INDEX events_type ON events(merchant_id, type, created_at DESC, id DESC);

CREATE TABLE endpoints (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  url TEXT NOT NULL,
  description TEXT,
  event_types TEXT,                       -- JSON array or NULL for all
  enabled INTEGER NOT NULL DEFAULT 1,
  secret TEXT NOT NULL,                   -- secret-box
  previous_secret TEXT,                   -- secret-box, signs alongside until previous_secret_until
  previous_secret_until TEXT,
  failing_since TEXT,
  disabled_at TEXT,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX endpoints_merchant ON endpoints(merchant_id, created_at DESC, id DESC);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  order_id TEXT,                          -- which DO owns its outbox row (NULL: the account DO)
  owner TEXT NOT NULL,                    -- DO name that owns the outbox row
  status TEXT NOT NULL,                   -- pending | succeeded | failed | skipped
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX deliveries_pair ON deliveries(event_id, endpoint_id);
CREATE INDEX deliveries_endpoint ON deliveries(endpoint_id, created_at);

CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  delivery_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status TEXT NOT NULL,
  response_status INTEGER,
  response_body TEXT,
  duration_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX attempts_number ON attempts(delivery_id, attempt);
CREATE INDEX attempts_event ON attempts(event_id, created_at DESC, id DESC);

CREATE TABLE idempotency_keys (
  merchant_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER,                         -- NULL while the first request is in flight
  body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (merchant_id, key)
);
