// A bare Worker for bench/calibrate.mjs: one route per platform primitive, so that the CPU the local
// runtime spends on each (D1 simulator, Durable Object calls and storage, logging) can be read apart
// from the application's own work.
import { DurableObject } from 'cloudflare:workers';

export class Probe extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, v TEXT NOT NULL)');
  }
  ping() {
    return 1;
  }
  write(id) {
    this.ctx.storage.transactionSync(() => {
      for (let i = 0; i < 3; i++) this.ctx.storage.sql.exec('INSERT INTO t (id, v) VALUES (?, ?)', `${id}-${i}`, 'x'.repeat(500));
    });
    return 1;
  }
  async alarmNow() {
    await this.ctx.storage.setAlarm(Date.now());
    return 1;
  }
  async alarm() {}
}

let seq = 0;
const probe = (env, name) => env.PROBE.get(env.PROBE.idFromName(name));

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    switch (pathname) {
      case '/noop':
        return new Response('{"ok":true}');
      case '/d1-read':
        await env.DB.prepare('SELECT id, v FROM t WHERE id = ?').bind('k5').first();
        return new Response('ok');
      case '/d1-write-batch': {
        const id = `w${Date.now()}-${seq++}`;
        await env.DB.batch([0, 1, 2].map((i) => env.DB.prepare('INSERT INTO t (id, v) VALUES (?, ?)').bind(`${id}-${i}`, 'x'.repeat(500))));
        return new Response('ok');
      }
      case '/do-call':
        await probe(env, 'one').ping();
        return new Response('ok');
      case '/do-write':
        await probe(env, 'one').write(`d${Date.now()}-${seq++}`);
        return new Response('ok');
      case '/do-alarm':
        await probe(env, `a${seq++}`).alarmNow();
        return new Response('ok');
      case '/log':
        console.log(
          JSON.stringify({ level: 'info', msg: 'callback accepted', requestId: `req_${seq++}`, provider: 'casso', payments: ['pay_x'] }),
        );
        return new Response('ok');
      case '/setup':
        await env.DB.exec('CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, v TEXT NOT NULL)');
        await env.DB.batch(
          Array.from({ length: 10 }, (_, i) => env.DB.prepare('INSERT OR IGNORE INTO t (id, v) VALUES (?, ?)').bind(`k${i}`, 'v')),
        );
        return new Response('ok');
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
