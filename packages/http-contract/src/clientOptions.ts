/** How a client reaches a backend plugin: Backstage's discovery and fetch APIs fit. */
export type ClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
};

/** A query string from the defined, non-empty values of an object ('' when none). */
export function toSearch(query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '')
      params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
