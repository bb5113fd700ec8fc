import type { CallbackRequest, SandboxCallback } from './types';

const toRequest = (call: CallbackRequest, origin: string) =>
  new Request(new URL(call.path, origin), { method: 'POST', headers: call.headers, body: call.body });

/**
 * Sends a built sandbox callback through `send` (the app's own fetch), running a token step first
 * when the provider has one. Returns the hook's final answer, or the token step's refusal.
 */
export async function sendSandboxCallback(
  callback: SandboxCallback,
  origin: string,
  send: (request: Request) => Promise<Response>,
): Promise<Response> {
  const headers = { ...callback.headers };
  if (callback.tokenRequest) {
    const answer = await send(toRequest(callback.tokenRequest, origin));
    if (!answer.ok) return answer;
    const token = ((await answer.json()) as { access_token?: unknown }).access_token;
    if (typeof token !== 'string') return new Response('token step answered no access_token', { status: 500 });
    headers.authorization = `Bearer ${token}`;
  }
  return send(toRequest({ ...callback, headers }, origin));
}
