// Runs the receiver on Node's http server: WEBHOOK_SECRET=whsec_… PORT=3000 node server.mjs
// Then register http(s)://<this host>:3000/webhooks/vietqr as an endpoint (POST /v1/endpoints).
import { createServer } from 'node:http';
import { createWebhookReceiver } from './receiver.mjs';

const secret = process.env.WEBHOOK_SECRET;
if (!secret?.startsWith('whsec_')) {
  console.error('Set WEBHOOK_SECRET to the endpoint secret (whsec_…)');
  process.exit(1);
}

const receive = createWebhookReceiver({
  secret,
  onEvent(event) {
    // Your logic goes here: e.g. mark the order paid in your shop when type is "order.paid".
    const order = event.data.order;
    console.log(
      `${event.type} ${event.id}${order ? ` order ${order.reference} (${order.status}, ${order.amountPaid}/${order.amount} VND)` : ''}`,
    );
  },
});

createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const request = new Request(`http://localhost${req.url}`, {
    method: req.method,
    headers: Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
    body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
  });
  const response = await receive(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}).listen(Number(process.env.PORT ?? 3000), () => console.log(`listening on :${process.env.PORT ?? 3000}`));
