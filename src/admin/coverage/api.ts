import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelHealth, Coverage, CoverageHistory, Period } from './types';

/** Where the server is (Strapi sets it on `window.strapi`; empty when the admin is served by the server itself). */
const backendUrl = (): string => (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

const search = (params: Record<string, string | undefined>): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
};

/** The public coverage routes' URLs (also the CSV download link). */
export const coverageUrl = (params: Period & { format?: 'csv' } = {}): string =>
  `${backendUrl()}/api/coverage${search({ from: params.from, to: params.to, format: params.format })}`;
export const historyUrl = (months: number): string => `${backendUrl()}/api/coverage/history${search({ months: String(months) })}`;

type Loaded<T> = { data: T | null; error: string | null; loading: boolean };

/**
 * GET of a public route with plain `fetch`: coverage is transparency data anyone may read, so the
 * admin's token is not sent (the public read cache answers it like any other visitor).
 */
const usePublicJson = <T,>(url: string): Loaded<T> & { reload: () => Promise<void> } => {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const reload = useCallback(async () => {
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const body = (await response.json()) as T & { error?: { message?: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      setState({ data: body, error: null, loading: false });
    } catch (error) {
      setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false });
    }
  }, [url]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
};

/** `GET /api/coverage` for a period (the API's default, the year ending today, when none is given). */
export const useCoverage = (period: Period = {}) => usePublicJson<Coverage>(coverageUrl(period));

/** `GET /api/coverage/history?months=`: the two headline percentages month by month, oldest first. */
export const useCoverageHistory = (months = 12) => usePublicJson<CoverageHistory>(historyUrl(months));

/**
 * The publishing plugin's channel health (`GET /multichannel-publishing/channels`, an admin route
 * with its own permission). `null` when the plugin is off or the user may not read it: the page
 * then shows the delivery counts of the public answer only.
 */
export const useChannelHealth = (): ChannelHealth[] | null => {
  const { get } = useFetchClient();
  const [channels, setChannels] = useState<ChannelHealth[] | null>(null);
  useEffect(() => {
    let live = true;
    get<{ data: ChannelHealth[] }>('/multichannel-publishing/channels')
      .then(({ data }) => live && setChannels(data.data))
      .catch(() => live && setChannels(null));
    return () => {
      live = false;
    };
  }, [get]);
  return channels;
};
