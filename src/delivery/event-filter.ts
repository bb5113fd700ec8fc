/** Whether an endpoint subscribed to `eventTypes` (null: every type) gets events of `type`. */
export function endpointWants(eventTypes: readonly string[] | null, type: string): boolean {
  return eventTypes === null || eventTypes.includes(type);
}
