import { env } from 'cloudflare:workers';
import { encodeVietQr } from '../../src/qr/vietqr';

const db = env.DB;
let counter = 0;

export interface FixtureOrder {
  id: string;
  status?: string;
  amount?: number;
  amountPaid?: number;
  description?: string | null;
  returnUrl?: string | null;
  expiresAt?: string;
  transferContent?: string;
  provider?: string;
  merchantId?: string;
  paidAt?: string | null;
}

/** A merchant and one order written straight to D1, as the orders projection would hold them. */
export async function insertOrder(order: FixtureOrder): Promise<void> {
  counter += 1;
  const merchantId = order.merchantId ?? `mer_checkout${counter}`;
  const now = new Date().toISOString();
  const bank = { bin: '970436', shortName: 'VCB', name: 'Vietcombank', accountNumber: '1017595600', accountName: 'CONG TY DEMO' };
  const content = order.transferContent ?? `QR7K3M9X${counter}`;
  await db.batch([
    db
      .prepare('INSERT OR IGNORE INTO merchants (id, name, mode, created_at) VALUES (?, ?, ?, ?)')
      .bind(merchantId, 'Demo shop', 'test', now),
    db
      .prepare(
        `INSERT INTO orders (id, merchant_id, provider_account_id, provider, status, amount, amount_paid, reference, description,
           payment_code, qr_payload, bank, transfer_content, return_url, expires_at, created_at, updated_at, paid_at)
         VALUES (?, ?, 'pa_test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        order.id,
        merchantId,
        order.provider ?? 'direct',
        order.status ?? 'pending',
        order.amount ?? 50_000,
        order.amountPaid ?? 0,
        `INV-${counter}`,
        order.description === undefined ? 'Áo thun size M' : order.description,
        content,
        encodeVietQr({ bin: '970436', accountNumber: '1017595600', service: 'account', amount: order.amount ?? 50_000, content }),
        JSON.stringify(bank),
        content,
        order.returnUrl ?? null,
        order.expiresAt ?? new Date(Date.now() + 15 * 60_000).toISOString(),
        now,
        now,
        order.paidAt ?? null,
      ),
  ]);
}

export async function setOrderStatus(id: string, status: string, amountPaid: number): Promise<void> {
  await db.prepare('UPDATE orders SET status = ?, amount_paid = ? WHERE id = ?').bind(status, amountPaid, id).run();
}
