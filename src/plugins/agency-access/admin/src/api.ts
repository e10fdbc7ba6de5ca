import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AdminUserView, MembersInput, MembersResponse } from '../../contracts';
import { PLUGIN_ID } from './pluginId';

export type { AdminUserView };
export type Members = MembersResponse['data'];

type FailedRequest = { status?: number; response?: { data?: { error?: { status?: number; message?: string } } } };

/** The HTTP status and server message of a failed admin request (the fetch client's FetchError). */
export const describeError = (error: unknown): { status: number | null; message: string | null } => {
  const failed = error as FailedRequest | null;
  const body = failed?.response?.data?.error;
  return { status: body?.status ?? failed?.status ?? null, message: body?.message ?? null };
};

const membersPath = (agencyDocumentId: string) => `/${PLUGIN_ID}/agencies/${encodeURIComponent(agencyDocumentId)}/members`;

/** Requests of the agency-access admin API (super admins only). */
export const useMembersApi = () => {
  const { get, put } = useFetchClient();
  return React.useMemo(
    () => ({
      find: async (agencyDocumentId: string): Promise<Members> => (await get<MembersResponse>(membersPath(agencyDocumentId))).data.data,
      update: async (agencyDocumentId: string, userIds: number[]): Promise<Members> => {
        const body: MembersInput = { userIds };
        return (await put<MembersResponse>(membersPath(agencyDocumentId), body)).data.data;
      },
    }),
    [get, put],
  );
};
