// The few facts of wrangler.toml the setup and deploy scripts need, read and written as text (no TOML
// dependency): the Worker name, the D1 database's name and id, and the placeholder id a fresh clone ships.

export const PLACEHOLDER_DATABASE_ID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const value = (text, key) => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(text)?.[1] ?? null;

export const workerName = (text) => value(text, 'name');
export const databaseName = (text) => value(text, 'database_name');
export const databaseId = (text) => value(text, 'database_id');

/** Why the configured database cannot be deployed, or null when it can. */
export function databaseIdProblem(text) {
  const id = databaseId(text);
  if (id === null) return 'wrangler.toml has no database_id for the D1 database';
  if (id === PLACEHOLDER_DATABASE_ID) return `wrangler.toml still has the placeholder D1 database_id (${id})`;
  if (!UUID.test(id)) return `wrangler.toml's D1 database_id is not a database id: "${id}"`;
  return null;
}

/** wrangler.toml with the D1 database_id set (only that line changes). */
export function withDatabaseId(text, id) {
  if (!UUID.test(id)) throw new Error(`not a D1 database id: ${id}`);
  if (databaseId(text) === null) throw new Error('wrangler.toml has no database_id line to set');
  return text.replace(/^(\s*database_id\s*=\s*)"[^"]*"/m, `$1"${id}"`);
}
