import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';

const worker = exports.default;

export const BASE = 'https://router.test';

export const post = (path: string, body: unknown) =>
  worker.fetch(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const get = (path: string, headers: Record<string, string> = {}) => worker.fetch(`${BASE}${path}`, { headers });

export const raw = (path: string, init: RequestInit) => worker.fetch(`${BASE}${path}`, init);

interface ProblemBody {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

/** The body of a problem+json response, after checking the status and content type. */
export async function problem(res: Response, status: number): Promise<ProblemBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as ProblemBody;
  expect(body.status).toBe(status);
  return body;
}
