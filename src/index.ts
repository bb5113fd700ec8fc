import { app } from './app';

export { RateLimiter } from './lib/rate-limiter';
export { AccountDO } from './settlement/account-do';
export { OrderDO } from './settlement/order-do';

export default app;
