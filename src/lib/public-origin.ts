/** Origin of the URLs we hand out: PUBLIC_BASE_URL when configured, else the request's own origin. */
export function publicOrigin(env: Env, requestUrl: string): string {
  const configured = env.PUBLIC_BASE_URL?.trim();
  return configured ? configured.replace(/\/+$/, '') : new URL(requestUrl).origin;
}
