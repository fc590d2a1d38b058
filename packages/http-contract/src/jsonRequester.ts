import { ResponseError } from '@backstage/errors';

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

/**
 * Sends JSON to one backend plugin and reads JSON back; a non-2xx answer is
 * thrown as a ResponseError carrying the backend's error message.
 */
export function jsonRequester(options: ClientOptions, pluginId: string) {
  return async function request<T>(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<T> {
    const baseUrl = await options.discoveryApi.getBaseUrl(pluginId);
    const response = await options.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      headers:
        init?.body !== undefined
          ? { 'content-type': 'application/json' }
          : undefined,
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  };
}
