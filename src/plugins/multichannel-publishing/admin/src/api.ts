import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { BroadcastBudgetView, ChannelView, DeliveryView, Pagination } from '../../contracts';
import { PLUGIN_ID } from './constants';

export type { BroadcastBudgetView, ChannelView, DeliveryView, Pagination };

export type DeliveryQuery = { documentId?: string; channel?: string; status?: string; locale?: string; page?: number; pageSize?: number };

const toSearch = (query: DeliveryQuery) =>
  Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');

/** Deliveries for the given filters, with a reload function (also used after a retry). */
export const useDeliveries = (query: DeliveryQuery, { skip = false }: { skip?: boolean } = {}) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ data: DeliveryView[]; pagination: Pagination | null; loading: boolean; error: string | null }>({
    data: [],
    pagination: null,
    loading: !skip,
    error: null,
  });
  const search = toSearch(query);

  const reload = useCallback(async () => {
    if (skip) return;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const { data } = await get<{ data: DeliveryView[]; meta: { pagination: Pagination } }>(`/${PLUGIN_ID}/deliveries${search ? `?${search}` : ''}`);
      setState({ data: data.data, pagination: data.meta.pagination, loading: false, error: null });
    } catch (error) {
      setState({ data: [], pagination: null, loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  }, [get, search, skip]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload };
};

/** GETs `path` and keeps its `data` (`empty` until loaded and when the request fails; nothing asked while `skip`). */
const useLoaded = <T,>(path: string, empty: T, { skip = false }: { skip?: boolean } = {}) => {
  const { get } = useFetchClient();
  const [value, setValue] = useState<T>(empty);
  const reload = useCallback(async () => {
    if (skip) return;
    try {
      const { data } = await get<{ data: T }>(path);
      setValue(data.data);
    } catch {
      setValue(empty);
    }
  }, [get, path, empty, skip]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, reload };
};

const NO_CHANNELS: ChannelView[] = [];

/** The channels and their health. */
export const useChannels = () => {
  const { value: channels, reload } = useLoaded(`/${PLUGIN_ID}/channels`, NO_CHANNELS);
  return { channels, reload };
};

/** Sends a failed or dead delivery back to the queue. */
export const useRetry = () => {
  const { post } = useFetchClient();
  return useCallback((id: number) => post(`/${PLUGIN_ID}/deliveries/${id}/retry`), [post]);
};

export type BulkRetryResult = {
  data: { retried: DeliveryView[]; refused: Array<{ id: number; status: number; message: string; reason: string | null }> };
  meta: { retried: number; refused: number };
};

/** Sends many failed or dead deliveries back to the queue at once (after the cause was fixed). */
export const useRetryMany = () => {
  const { post } = useFetchClient();
  return useCallback(async (ids: number[]) => (await post<BulkRetryResult>(`/${PLUGIN_ID}/deliveries/retry`, { ids })).data, [post]);
};

/** The HTTP status and server message of a failed admin request (the fetch client's FetchError). */
export const describeFailure = (error: unknown): { status: number | null; message: string | null } => {
  const failed = error as { status?: number; response?: { data?: { error?: { status?: number; message?: string } } } } | null;
  const body = failed?.response?.data?.error;
  return { status: body?.status ?? failed?.status ?? null, message: body?.message ?? null };
};

/** This month's Zalo broadcasts against the limit (null until loaded or when not allowed). */
export const useBroadcastBudget = (options: { skip?: boolean } = {}) => {
  const { value: budget, reload } = useLoaded<BroadcastBudgetView | null>(`/${PLUGIN_ID}/broadcasts/budget`, null, options);
  return { budget, reload };
};

/** Asks for the broadcast of a published document's Zalo article. */
export const useRequestBroadcast = () => {
  const { post } = useFetchClient();
  return useCallback(
    (body: { uid: string; documentId: string; locale: string }) => post<{ data: DeliveryView }>(`/${PLUGIN_ID}/broadcasts`, body),
    [post],
  );
};
