import type { EventType } from '../delivery/event-types';

/** The order state machine, pure: pending → partially_paid → paid; pending|partially_paid → expired | canceled. */
export type OrderStatus = 'pending' | 'partially_paid' | 'paid' | 'expired' | 'canceled';
export type { EventType } from '../delivery/event-types';

export interface OrderState {
  status: OrderStatus;
  amount: number;
  amountPaid: number;
  paidAt: string | null;
  expiresAt: string;
}

export interface Transition {
  state: OrderState;
  events: EventType[];
}

const OPEN: OrderStatus[] = ['pending', 'partially_paid'];
export const isOpen = (status: OrderStatus) => OPEN.includes(status);

/**
 * Money is always counted (overpayments and late payments are reported, never lost); only an open
 * order changes status. `order.paid` can only come from an open order, so it happens once per order.
 */
export function applyPayment(state: OrderState, amount: number, now: string): Transition {
  const amountPaid = state.amountPaid + amount;
  if (!isOpen(state.status)) return { state: { ...state, amountPaid }, events: ['payment.received'] };
  if (amountPaid >= state.amount) {
    return { state: { ...state, amountPaid, status: 'paid', paidAt: now }, events: ['payment.received', 'order.paid'] };
  }
  return { state: { ...state, amountPaid, status: 'partially_paid' }, events: ['payment.received', 'order.partially_paid'] };
}

export function cancel(state: OrderState): Transition | null {
  if (!isOpen(state.status)) return null;
  return { state: { ...state, status: 'canceled' }, events: ['order.canceled'] };
}

export function expire(state: OrderState, now: string): Transition | null {
  if (!isOpen(state.status) || now < state.expiresAt) return null;
  return { state: { ...state, status: 'expired' }, events: ['order.expired'] };
}
