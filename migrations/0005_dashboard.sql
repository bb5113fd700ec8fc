-- The merchant dashboard (CONTRACT §10): browser sessions and one-time sign-in links. Only SHA-256
-- hashes of their tokens are stored, like API keys: a copy of the database signs nobody in.

CREATE TABLE dashboard_sessions (
  token_hash TEXT PRIMARY KEY,            -- SHA-256 hex of the session cookie's value
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  via TEXT NOT NULL CHECK (via IN ('api_key', 'link')),
  api_key_id TEXT,                        -- the key it was opened with: revoking the key ends the session
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX dashboard_sessions_merchant ON dashboard_sessions(merchant_id, created_at);

CREATE TABLE dashboard_links (
  token_hash TEXT PRIMARY KEY,            -- SHA-256 hex of the link's token
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT                            -- single use: set by the one request that signs in with it
);

-- The dashboard's reads: open orders by the clock, paid orders by day, an order's events and deliveries.
CREATE INDEX orders_status_expiry ON orders(merchant_id, status, expires_at);
CREATE INDEX orders_paid_at ON orders(merchant_id, paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX events_order ON events(merchant_id, order_id, created_at DESC, id DESC);
CREATE INDEX deliveries_endpoint_list ON deliveries(endpoint_id, created_at DESC, id DESC);
