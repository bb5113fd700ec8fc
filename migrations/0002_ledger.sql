-- The bank-account ledger (DESIGN.md): every order and payment names the ledger Durable Object that
-- owns it; D1 is their projection. Identity of transfers lives in the ledgers, so the per-feed unique
-- index on payments goes (a projection must never refuse what its ledger decided).

ALTER TABLE orders ADD COLUMN ledger TEXT;
UPDATE orders SET ledger = merchant_id || ':' || upper(json_extract(bank, '$.accountNumber'));
CREATE INDEX orders_open_expiry ON orders(status, expires_at);

ALTER TABLE payments ADD COLUMN ledger TEXT;
ALTER TABLE payments ADD COLUMN reports TEXT NOT NULL DEFAULT '[]';
ALTER TABLE payments ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE payments SET
  ledger = merchant_id || ':' || COALESCE(upper(account_number), 'pa-' || provider_account_id),
  reports = json_array(json_object(
    'providerAccountId', provider_account_id,
    'provider', provider,
    'providerTransactionId', provider_transaction_id,
    'via', CASE matched_by WHEN 'sandbox' THEN 'sandbox' ELSE 'callback' END,
    'receivedAt', received_at));
DROP INDEX payments_dedup;
CREATE INDEX payments_transaction ON payments(provider_account_id, provider_transaction_id);
CREATE INDEX payments_ledger ON payments(ledger, received_at);

-- Which Durable Object holds an event's outbox (replay routes there).
ALTER TABLE events ADD COLUMN owner TEXT;
CREATE INDEX events_order ON events(order_id, created_at);
