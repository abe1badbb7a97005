/** The result shape every public function returns instead of throwing. */
export type FeelResult<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

export function success<T>(value: T): FeelResult<T> {
  return { ok: true, value };
}

export function failure<T = never>(message: string): FeelResult<T> {
  return { ok: false, message };
}
