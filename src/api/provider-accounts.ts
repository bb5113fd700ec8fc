import { createRouter } from '../lib/router';

const app = createRouter();

export default app;
