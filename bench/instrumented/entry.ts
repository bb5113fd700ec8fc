// The bench build (bench/ledger-calls.mjs): the project's Worker with its bindings instrumented, to count
// what a request costs before it is answered. The Worker counts its own D1 statements and Durable Object
// calls per request (response headers); each ledger counts the D1 statements and DO calls it makes while a
// `receive` or `register` is under way (GET /__bench/ledger?name=…). Never deployed.
import worker from '../../src/index';
import { LedgerDO as ProjectLedger } from '../../src/ledger/ledger-do';

// Every class the project exports (local names below take precedence over the star).
export * from '../../src/index';

type Counter = { d1: number; doCalls: number };

function countingDb(db: D1Database, counter: () => Counter | null): D1Database {
  return new Proxy(db, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const c = counter();
        if (c && (name === 'prepare' || name === 'exec')) c.d1++;
        return Reflect.apply(value, target, args);
      };
    },
  });
}

function countingNamespace<T extends DurableObjectNamespace>(ns: T, counter: () => Counter | null): T {
  return new Proxy(ns, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (name !== 'get' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        const stub = Reflect.apply(value, target, args) as object;
        return new Proxy(stub, {
          get(s, method) {
            const member = Reflect.get(s, method);
            if (typeof member !== 'function') return member;
            return (...callArgs: unknown[]) => {
              const c = counter();
              if (c) c.doCalls++;
              return Reflect.apply(member, s, callArgs);
            };
          },
        });
      };
    },
  }) as T;
}

function instrument(env: Env, counter: () => Counter | null): Env {
  return {
    ...env,
    DB: countingDb(env.DB, counter),
    LEDGER: countingNamespace(env.LEDGER, counter),
    MERCHANT: countingNamespace(env.MERCHANT, counter),
  };
}

/** A ledger that counts what it does while a receive or register is under way (sequential bench requests only). */
export class LedgerDO extends ProjectLedger {
  private active: Counter | null = null;
  private readonly totals = { receive: { d1: 0, doCalls: 0, calls: 0 }, register: { d1: 0, doCalls: 0, calls: 0 } };

  constructor(ctx: DurableObjectState, env: Env) {
    const self: { counter: () => Counter | null } = { counter: () => null };
    super(
      ctx,
      instrument(env, () => self.counter()),
    );
    self.counter = () => this.active;
  }

  override async receive(input: Parameters<ProjectLedger['receive']>[0]) {
    return this.measured('receive', () => super.receive(input));
  }

  override async register(entry: Parameters<ProjectLedger['register']>[0]) {
    return this.measured('register', () => super.register(entry));
  }

  benchCounts() {
    return this.totals;
  }

  private async measured<T>(kind: 'receive' | 'register', run: () => Promise<T>): Promise<T> {
    this.active = { d1: 0, doCalls: 0 };
    try {
      return await run();
    } finally {
      const counted = this.active;
      this.active = null;
      this.totals[kind].d1 += counted.d1;
      this.totals[kind].doCalls += counted.doCalls;
      this.totals[kind].calls++;
    }
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/ledger') {
      const stub = env.LEDGER.get(env.LEDGER.idFromName(url.searchParams.get('name') ?? '')) as unknown as {
        benchCounts(): Promise<unknown>;
      };
      return Response.json(await stub.benchCounts());
    }
    const counter: Counter = { d1: 0, doCalls: 0 };
    const response = await worker.fetch(
      request,
      instrument(env, () => counter),
      ctx,
    );
    const headers = new Headers(response.headers);
    headers.set('x-bench-d1', String(counter.d1));
    headers.set('x-bench-do', String(counter.doCalls));
    return new Response(response.body, { status: response.status, headers });
  },
};
