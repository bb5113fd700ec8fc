import { checkoutUrl, insertOrder, type OrderRow, orderIdByReference } from '../db/orders';
import { orderLedgerName } from '../ledger/keys';
import { orderEntry } from '../ledger/order-entry';
import { registerInLedger } from '../ledger/register';
import type { Merchant } from '../lib/app-env';
import { newId } from '../lib/ids';
import { conflict } from '../lib/problem';
import { ProviderError } from '../providers/errors';
import { liveProviderContext } from '../providers/outbound';
import type { ProviderAccount, ProviderQr } from '../providers/types';
import { bankByBin } from '../qr/banks';
import type { Order } from '../schemas/order';
import { chooseAccount } from './account-choice';
import { newPaymentCode } from './payment-code';
import type { CreateOrderInput } from './schema';

const CODE_ATTEMPTS = 5;

const duplicateReference = (orderId: string) =>
  conflict(`An order with this reference already exists: ${orderId}`, { code: 'duplicate_reference', orderId });

/**
 * Creates an order: the provider is asked for the QR first and the row is inserted last, so a provider
 * failure (502) or any other error leaves nothing behind. No pre-checks: the unique indexes decide a
 * duplicate reference or a taken payment code at insert. Then the order registers in its ledger, before
 * its QR is handed out. Common case: the auth statement, this insert, one Durable Object call.
 */
export async function createOrder(env: Env, merchant: Merchant, input: CreateOrderInput, origin: string): Promise<Order> {
  const { account, createQr } = await chooseAccount(env, merchant.id, input.providerAccountId);
  const ctx = liveProviderContext(env);

  for (let attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
    const id = newId('ord');
    const paymentCode = newPaymentCode();
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + input.expiresInSeconds * 1000);
    const qr = await createQr(
      account,
      {
        orderId: id,
        amount: input.amount,
        paymentCode,
        description: input.description ?? null,
        expiresAt,
        returnUrl: input.returnUrl ?? null,
        checkoutUrl: checkoutUrl(origin, id),
      },
      ctx,
    );
    assertCarriesCode(account, qr, paymentCode);
    const row = orderRow({ id, merchant, account, input, paymentCode, qr, createdAt, expiresAt });
    const clash = await insertUnlessTaken(env, row);
    if (clash === 'payment_code') continue; // another order took the code meanwhile: a new QR with a new code
    if (clash === 'reference') throw duplicateReference((await orderIdByReference(env, merchant.id, input.reference)) ?? 'unknown');
    const entry = orderEntry(row, origin);
    await registerInLedger(env, entry);
    return entry.json;
  }
  throw new Error(`no free payment code after ${CODE_ATTEMPTS} attempts`);
}

/** Bank feeds match on the code in the transfer content: a QR without it could never be settled by them. */
function assertCarriesCode(account: ProviderAccount, qr: ProviderQr, paymentCode: string) {
  if (!qr.transferContent.includes(paymentCode)) {
    throw new ProviderError(
      account.provider,
      'BAD_CONTENT',
      `transfer content ${JSON.stringify(qr.transferContent)} lacks the payment code`,
    );
  }
}

async function insertUnlessTaken(env: Env, row: OrderRow): Promise<'reference' | 'payment_code' | null> {
  try {
    await insertOrder(env, row);
    return null;
  } catch (error) {
    const message = String(error);
    if (!message.includes('UNIQUE')) throw error;
    if (message.includes('payment_code')) return 'payment_code';
    if (message.includes('reference')) return 'reference';
    throw error;
  }
}

interface RowParts {
  id: string;
  merchant: Merchant;
  account: ProviderAccount;
  input: CreateOrderInput;
  paymentCode: string;
  qr: ProviderQr;
  createdAt: Date;
  expiresAt: Date;
}

function orderRow({ id, merchant, account, input, paymentCode, qr, createdAt, expiresAt }: RowParts): OrderRow {
  const bank = bankByBin(qr.bank.bin);
  const now = createdAt.toISOString();
  return {
    id,
    merchant_id: merchant.id,
    ledger: orderLedgerName(merchant.id, qr.ledgerAccountNumber ?? qr.bank.accountNumber, account.id),
    provider_account_id: account.id,
    provider: account.provider,
    status: 'pending',
    amount: input.amount,
    amount_paid: 0,
    currency: 'VND',
    reference: input.reference,
    description: input.description ?? null,
    payment_code: paymentCode,
    qr_payload: qr.payload,
    bank: JSON.stringify({
      bin: qr.bank.bin,
      shortName: bank?.shortName ?? qr.bank.bin,
      name: bank?.name ?? qr.bank.bin,
      accountNumber: qr.bank.accountNumber,
      accountName: qr.bank.accountName,
    }),
    transfer_content: qr.transferContent,
    return_url: input.returnUrl ?? null,
    metadata: JSON.stringify(input.metadata ?? {}),
    provider_reference: qr.providerReference,
    virtual_account: qr.virtualAccount,
    provider_data: JSON.stringify(qr.providerData),
    expires_at: expiresAt.toISOString(),
    created_at: now,
    updated_at: now,
    paid_at: null,
    version: 0,
  };
}
