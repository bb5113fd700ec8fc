import type { EventType } from '../schemas/event';
import type { OrderStatus } from '../schemas/order';
import { isOpen, lastCountingMoment } from './clock';

/**
 * The order state machine, pure: pending → partially_paid → paid; pending|partially_paid → expired |
 * canceled. Money is always counted (overpayments and late payments are reported, never hidden); only an
 * open order changes status, and time decides expiry: past `expiresAt` + grace an open order is expired,
 * whether or not the alarm has announced it yet.
 */
export interface OrderState {
  status: OrderStatus;
  amount: number;
  amountPaid: number;
  paidAt: string | null;
  expiresAt: string;
}

export interface Transition {
  state: OrderState;
  /** Events in the order they happened. */
  events: EventType[];
}

/** The expiry the clock has already decided, made explicit; null while the order may still be paid. */
export function expireIfDue(state: OrderState, atMs: number, graceMs: number): Transition | null {
  if (!isOpen(state.status) || atMs <= lastCountingMoment(state.expiresAt, graceMs)) return null;
  return { state: { ...state, status: 'expired' }, events: ['order.expired'] };
}

/**
 * A transfer of `amount` that counts at `atMs` (when it reached us, or for a pulled one when the bank
 * booked it). An order open past its grace expires first, so the transfer is late and changes nothing but
 * `amountPaid`. `order.paid` can only come from an open order, so it happens once per order.
 */
export function applyTransfer(state: OrderState, amount: number, atMs: number, graceMs: number): Transition {
  const expiry = expireIfDue(state, atMs, graceMs);
  const before = expiry?.state ?? state;
  const prior = expiry?.events ?? [];
  const amountPaid = before.amountPaid + amount;
  if (!isOpen(before.status)) return { state: { ...before, amountPaid }, events: [...prior, 'payment.received'] };
  if (amountPaid >= before.amount) {
    const paidAt = new Date(atMs).toISOString();
    return { state: { ...before, amountPaid, status: 'paid', paidAt }, events: ['payment.received', 'order.paid'] };
  }
  return { state: { ...before, amountPaid, status: 'partially_paid' }, events: ['payment.received', 'order.partially_paid'] };
}

/** Cancel an open order; an order the clock has expired cannot be canceled (it expires instead). */
export function cancelAt(state: OrderState, atMs: number, graceMs: number): Transition | null {
  const expiry = expireIfDue(state, atMs, graceMs);
  if (expiry) return expiry;
  if (!isOpen(state.status)) return null;
  return { state: { ...state, status: 'canceled' }, events: ['order.canceled'] };
}
