import { MAX_ERROR_LENGTH } from '../constants';

/** A message fit for `lastError`: one line of context, bounded in size. */
export const errorText = (value: unknown): string => {
  const text = value instanceof Error ? value.message : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

/** Why a fetch failed, without the stack: undici hides the useful part in `cause`. */
export const networkErrorText = (error: unknown): string => {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    if (error.name === 'AbortError') return 'aborted';
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) return `${error.message}: ${(cause as Error & { code?: string }).code ?? cause.message}`;
    return error.message;
  }
  return String(error);
};
