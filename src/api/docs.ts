import { Scalar } from '@scalar/hono-api-reference';
import { createRouter } from '../lib/router';

const app = createRouter();

// Interactive reference over /openapi.json; "Authorize" with an sk_test_… key to try requests.
app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'VietQR router API' }));

export default app;
