import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';

/** One per order: settles it exactly once and delivers its events (see DESIGN.md). */
export class OrderDO extends DurableObject<Env> {}
