import { app } from './app';

export { AccountDO } from './settlement/account-do';
export { OrderDO } from './settlement/order-do';

export default app;
