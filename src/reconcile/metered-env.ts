/** What one run cost in storage round trips, counted where the run makes them. */
export interface Meter {
  d1Statements: number;
  doCalls: number;
}

const STATEMENT_CALLS = new Set(['run', 'all', 'first', 'raw']);

/**
 * The run's view of the bindings, counting its D1 statements and Durable Object calls (what the run
 * itself sends; the ledgers' own writes happen inside them). Logged per run and read by `npm run bench`.
 */
export function meteredEnv(env: Env): { env: Env; meter: Meter } {
  const meter: Meter = { d1Statements: 0, doCalls: 0 };
  const originals = new WeakMap<object, object>();

  const statement = (target: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(target, {
      get(stmt, key) {
        const value = Reflect.get(stmt, key, stmt);
        if (typeof value !== 'function') return value;
        if (key === 'bind') return (...args: unknown[]) => statement(value.apply(stmt, args));
        if (typeof key === 'string' && STATEMENT_CALLS.has(key)) {
          return (...args: unknown[]) => {
            meter.d1Statements += 1;
            return value.apply(stmt, args);
          };
        }
        return value.bind(stmt);
      },
    });
    originals.set(proxy, target);
    return proxy;
  };

  const database = (db: D1Database): D1Database =>
    new Proxy(db, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        if (key === 'prepare') return (sql: string) => statement(value.call(target, sql));
        if (key === 'batch') {
          return (statements: D1PreparedStatement[]) => {
            meter.d1Statements += statements.length;
            return value.call(
              target,
              statements.map((s) => (originals.get(s) as D1PreparedStatement | undefined) ?? s),
            );
          };
        }
        return value.bind(target);
      },
    });

  const stub = (target: object): object =>
    new Proxy(target, {
      get(s, key) {
        const value = Reflect.get(s, key);
        if (typeof value !== 'function' || key === 'then') return value;
        return (...args: unknown[]) => {
          meter.doCalls += 1;
          return Reflect.apply(value, s, args);
        };
      },
    });

  const namespace = (ns: DurableObjectNamespace): DurableObjectNamespace =>
    new Proxy(ns, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        if (key === 'get' || key === 'getByName') return (...args: unknown[]) => stub(Reflect.apply(value, target, args));
        return value.bind(target);
      },
    });

  const isNamespace = (value: unknown): value is DurableObjectNamespace =>
    typeof value === 'object' && value !== null && typeof (value as { idFromName?: unknown }).idFromName === 'function';

  const metered = new Proxy(env, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (key === 'DB') return database(value as D1Database);
      return isNamespace(value) ? namespace(value) : value;
    },
  });
  return { env: metered, meter };
}
