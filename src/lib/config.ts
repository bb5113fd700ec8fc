import type { MiddlewareHandler } from 'hono';
import { fromBase64 } from '../crypto/encoding';
import type { AppEnv } from './app-env';
import { problemResponse } from './problem';

/** The settings without which nothing can work: checked before any route runs (CONTRACT §1, 503). */
export interface RequiredConfig {
  SECRETS_KEY?: string;
  ADMIN_TOKEN?: string;
}

/** A token the `Authorization: Bearer` header can carry (printable ASCII, no spaces), long enough not to be guessed. */
const ADMIN_TOKEN_PATTERN = /^[\x21-\x7e]{32,}$/;

function secretsKeyProblem(value: string | undefined): string | null {
  if (!value) return 'SECRETS_KEY is not set: it must be base64 of 32 random bytes';
  try {
    // The same decoder the secret box uses, so what passes here opens there.
    if (fromBase64(value).length === 32) return null;
  } catch {}
  return 'SECRETS_KEY is not base64 of exactly 32 bytes';
}

function adminTokenProblem(value: string | undefined): string | null {
  if (!value) return 'ADMIN_TOKEN is not set: it must be at least 32 characters';
  return ADMIN_TOKEN_PATTERN.test(value) ? null : 'ADMIN_TOKEN must be at least 32 printable characters without spaces';
}

// The bindings are fixed for an isolate's life, so each distinct pair is judged once (tests build apps with others).
const verdicts = new Map<string, string | null>();

/** What is wrong with the configuration, naming each variable and never its value; null when it is usable. */
export function configProblem(env: RequiredConfig): string | null {
  const memo = `${env.SECRETS_KEY ?? ''}\u0000${env.ADMIN_TOKEN ?? ''}`;
  const known = verdicts.get(memo);
  if (known !== undefined) return known;
  const problems = [secretsKeyProblem(env.SECRETS_KEY), adminTokenProblem(env.ADMIN_TOKEN)].filter((p) => p !== null);
  const verdict = problems.length ? `The service is misconfigured: ${problems.join('; ')}` : null;
  if (verdicts.size > 16) verdicts.clear();
  verdicts.set(memo, verdict);
  return verdict;
}

/** First middleware of every route (`/healthz` included): a misconfigured service answers 503, loudly, at once. */
export const requireConfig: MiddlewareHandler<AppEnv> = async (c, next) => {
  const problem = configProblem(c.env);
  if (!problem) return next();
  // Once per isolate: every request of a misconfigured service fails the same way.
  if (!reported.has(problem)) {
    reported.add(problem);
    c.get('log').error('misconfigured', { detail: problem });
  }
  return problemResponse(503, problem);
};

const reported = new Set<string>();
