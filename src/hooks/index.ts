import { createRouter } from '../lib/router';

/** Provider callbacks: `/hooks/<provider>/<paId>/…`, one file per provider. */
const app = createRouter();

export default app;
