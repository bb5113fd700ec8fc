export interface SeenIds {
  has(id: string): boolean | Promise<boolean>;
  add(id: string): unknown;
}

/** The event body (the `webhooks` of /openapi.json describe each type's exact shape). */
export interface RouterEvent {
  id: string;
  object: 'event';
  type: string;
  createdAt: string;
  data: { order: Record<string, unknown> | null; payment: Record<string, unknown> | null; [key: string]: unknown };
}

export function createWebhookReceiver(options: {
  secret: string;
  onEvent: (event: RouterEvent) => Promise<void> | void;
  seen?: SeenIds;
}): (request: Request) => Promise<Response>;
