import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  CoveredContentTypeView,
  DocumentStatus,
  HistoryEntry,
  Inbox,
  InboxItem,
  Person,
  Stage,
  StepView,
  TransitionResult,
  UserAction,
} from '../../contracts';
import { PLUGIN_ID } from './pluginId';

export type { DocumentStatus, HistoryEntry, Inbox, InboxItem, Person, Stage, StepView, UserAction };
export type CoveredContentType = CoveredContentTypeView;

type FailedRequest = { status?: number; response?: { data?: { error?: { status?: number; message?: string } } } };

/** The HTTP status and server message of a failed admin request (the fetch client's FetchError). */
export const describeError = (error: unknown): { status: number | null; message: string | null } => {
  const failed = error as FailedRequest | null;
  const body = failed?.response?.data?.error;
  return { status: body?.status ?? failed?.status ?? null, message: body?.message ?? null };
};

const base = `/${PLUGIN_ID}`;

let coveredCache: Promise<CoveredContentType[]> | null = null;

/** The covered content types, fetched once per page load. */
export const useCoveredContentTypes = (): CoveredContentType[] | null => {
  const { get } = useFetchClient();
  const [covered, setCovered] = React.useState<CoveredContentType[] | null>(null);
  React.useEffect(() => {
    let alive = true;
    coveredCache ??= get<{ data: CoveredContentType[] }>(`${base}/content-types`)
      .then((response) => response.data.data)
      .catch((error: unknown) => {
        coveredCache = null;
        throw error;
      });
    coveredCache.then(
      (result) => alive && setCovered(result),
      () => alive && setCovered([]),
    );
    return () => {
      alive = false;
    };
  }, [get]);
  return covered;
};

/** Requests of the approval-workflow admin API. */
export const useApprovalApi = () => {
  const { get, post } = useFetchClient();
  return React.useMemo(
    () => ({
      status: async (uid: string, documentId: string, locale?: string | null) =>
        (
          await get<{ data: DocumentStatus }>(`${base}/documents/${uid}/${documentId}`, {
            params: locale ? { locale } : {},
          })
        ).data.data,
      transition: async (uid: string, documentId: string, body: { action: UserAction; comment?: string; locale?: string | null }) =>
        (
          await post<{ data: TransitionResult }>(`${base}/documents/${uid}/${documentId}/transitions`, {
            action: body.action,
            ...(body.comment ? { comment: body.comment } : {}),
            ...(body.locale ? { locale: body.locale } : {}),
          })
        ).data.data,
      inbox: async (query: { contentType?: string; stage?: Stage; page?: number }) =>
        (await get<Inbox>(`${base}/inbox`, { params: query })).data,
    }),
    [get, post],
  );
};
