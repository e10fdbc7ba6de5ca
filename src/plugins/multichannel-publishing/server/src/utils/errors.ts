import { MAX_ERROR_LENGTH } from '../constants';

/** A message fit for `lastError`: one line of context, bounded in size. */
export const errorText = (value: unknown): string => {
  const text = value instanceof Error ? value.message : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

const isErrorLike = (value: unknown): value is Error =>
  typeof value === 'object' && value !== null && typeof (value as Error).name === 'string' && typeof (value as Error).message === 'string';

/** Why a fetch failed, without the stack: undici hides the useful part in `cause`. */
export const networkErrorText = (error: unknown): string => {
  // Duck-typed: fetch's abort reasons are DOMExceptions, not always of this realm's Error.
  if (isErrorLike(error)) {
    if (error.name === 'TimeoutError') return 'timed out';
    if (error.name === 'AbortError') return 'aborted';
    const cause = (error as Error & { cause?: unknown }).cause;
    if (isErrorLike(cause)) return `${error.message}: ${(cause as Error & { code?: string }).code ?? cause.message}`;
    return error.message;
  }
  return String(error);
};
