import { getOrder } from '../db/orders';
import { submitReports } from '../ledger/submit';
import type { Merchant } from '../lib/app-env';
import { randomToken } from '../lib/ids';
import { conflict, forbidden, notFound } from '../lib/problem';

/** Sandbox money is for test merchants only: a live merchant gets 403 before anything is read. */
export function requireTestMode(merchant: Merchant): void {
  if (merchant.mode !== 'test') throw forbidden('The sandbox is for test-mode merchants only', { code: 'live_mode' });
}

/**
 * `POST /v1/sandbox/orders/{id}/pay`: a payment of the order (default: what remains) through the same
 * ledger, events and delivery as a real transfer, `matchedBy: "sandbox"`.
 */
export async function simulatePayment(
  env: Env,
  merchant: Merchant,
  orderId: string,
  input: { amount?: number; content?: string },
  origin: string,
): Promise<{ paymentId: string }> {
  requireTestMode(merchant);
  const row = await getOrder(env, merchant.id, orderId);
  if (!row) throw notFound('No such order');
  const amount = input.amount ?? row.amount - row.amount_paid;
  if (amount < 1) throw conflict('Nothing remains to be paid; pass an amount to pay more');
  const now = new Date().toISOString();
  const source = { id: row.provider_account_id, merchantId: merchant.id, provider: row.provider, receivingAccountNumber: null };
  const [outcome] = await submitReports(
    env,
    source,
    [
      {
        provider: row.provider,
        providerAccountId: row.provider_account_id,
        providerTransactionId: `sandbox_${randomToken(12)}`,
        amount,
        content: input.content ?? row.transfer_content,
        bankReference: null,
        accountNumber: (JSON.parse(row.bank) as { accountNumber: string }).accountNumber,
        virtualAccount: null,
        providerReference: null,
        counterAccount: null,
        occurredAt: now,
        raw: JSON.stringify({ sandbox: true, orderId, amount }),
      },
    ],
    { via: 'sandbox', origin, force: { orderId, matchedBy: 'sandbox' }, projected: true },
  );
  return { paymentId: outcome!.paymentId };
}
