/**
 * The API client. The bearer token is kept in sessionStorage: it lasts for the browser tab, is
 * gone when the tab closes, and is never sent by the browser on its own (so no CSRF); ADR 0006.
 */
const TOKEN_KEY = 'brobygger.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field → messages, as the server's validation answers them. */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const token = tokenStore.get();
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    signal: init.signal,
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    if (response.status === 401 && token) onUnauthorized();
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? response.statusText);
    throw new ApiError(response.status, message, (body.errors as Record<string, string[]>) ?? {});
  }
  return body as T;
}

/** Query string from the defined values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
