import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';

/** One per provider account: parks transactions that matched no order, exactly once. */
export class AccountDO extends DurableObject<Env> {}
