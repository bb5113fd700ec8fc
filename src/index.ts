import { app } from './app';

export { LedgerDO } from './ledger/ledger-do';
export { MerchantDO } from './ledger/merchant-do';

export default app;
