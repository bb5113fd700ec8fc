import type { StatusCheck } from '../providers/types';
import { RECENTLY_EXPIRED_MS } from './limits';

export interface OrderTimes {
  createdAtMs: number;
  expiresAtMs: number;
}

type Schedule = Pick<StatusCheck, 'firstChecksMs' | 'everyMs'>;

/**
 * Whether a scheduled run between `fromMs` (exclusive: the last run) and `toMs` should ask about the
 * order. Its check points: the provider's first checks after creation, then one every `everyMs`, and
 * one at its last counting moment (expiry + grace), until RECENTLY_EXPIRED_MS after it (PROVIDERS.md
 * "what a reconciliation job should call"). Stateless: the schedule is a function of the order's times.
 */
export function checkDue(order: OrderTimes, schedule: Schedule, graceMs: number, fromMs: number, toMs: number): boolean {
  const lastMoment = order.expiresAtMs + graceMs;
  const end = Math.min(toMs, lastMoment + RECENTLY_EXPIRED_MS);
  const inWindow = (point: number) => point > fromMs && point <= end;
  if (schedule.firstChecksMs.some((offset) => inWindow(order.createdAtMs + offset))) return true;
  if (inWindow(lastMoment)) return true;
  const base = order.createdAtMs + (schedule.firstChecksMs.at(-1) ?? 0);
  if (schedule.everyMs <= 0) return false;
  // The first periodic point after `fromMs` (points are base + k·everyMs, k ≥ 1).
  const k = Math.max(1, Math.floor((fromMs - base) / schedule.everyMs) + 1);
  return inWindow(base + k * schedule.everyMs);
}
