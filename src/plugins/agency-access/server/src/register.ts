import type { Core } from '@strapi/strapi';
import { keepPluginOwned } from '../../../../common/plugin-owned-types';
import { CONDITION_NAME, MEMBERSHIP_UID, OWNED_MESSAGE, PLUGIN_ID } from './constants';
import type { AgencyAccessConfig } from './config';
import { getService } from './utils/get-service';

/** What Strapi's permission engine passes a condition handler: the admin user, with the permission being evaluated. */
type ConditionInput = { id: number | string; permission?: { subject?: string | null } };

/**
 * Registers the "in my agency" condition (Settings → Roles → a permission's conditions) and the
 * membership-management action. The condition is evaluated each time a user's abilities are built
 * (every admin request): it resolves the user's agencies with one indexed query and returns filters
 * that Strapi applies to lists, counts and single documents alike (`$in: []` matches nothing: a user
 * in no agency sees nothing under this condition).
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  keepPluginOwned(strapi, { uids: [MEMBERSHIP_UID], contentManagerMessage: OWNED_MESSAGE, writeMessage: OWNED_MESSAGE });

  // Strapi evaluates the condition once per permission carrying it (an Editor has about sixteen): within one request
  // the user's agencies are read once. Nothing outlives the request, so a membership change shows on the next one.
  const perRequest = new WeakMap<object, Map<number, Promise<string[]>>>();
  const agenciesOnce = (userId: number): Promise<string[]> => {
    const ctx = strapi.requestContext.get() as object | undefined;
    if (!ctx) return getService(strapi, 'memberships').agenciesOf(userId);
    const memo = perRequest.get(ctx) ?? new Map<number, Promise<string[]>>();
    perRequest.set(ctx, memo);
    const found = memo.get(userId) ?? getService(strapi, 'memberships').agenciesOf(userId);
    memo.set(userId, found);
    return found;
  };

  const permissions = strapi.service('admin::permission');
  await permissions.actionProvider.registerMany([
    { section: 'plugins', pluginName: PLUGIN_ID, uid: 'manage', displayName: 'Manage agency members (super admins)' },
  ]);

  await permissions.conditionProvider.register({
    name: CONDITION_NAME,
    plugin: PLUGIN_ID,
    displayName: 'Thuộc đơn vị của tôi / In my agency',
    category: 'agency',
    async handler(user: ConditionInput) {
      const { scopes } = strapi.config.get(`plugin::${PLUGIN_ID}`) as AgencyAccessConfig;
      const subject = user.permission?.subject ?? '';
      const path = scopes[subject];
      if (path === undefined) return false;
      const agencies = await agenciesOnce(Number(user.id));
      return { [`${path}.documentId`]: { $in: agencies } };
    },
  });

  // A deleted admin user leaves no membership behind (a new account reusing the id must not inherit it).
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    async afterDelete(event: { result?: { id?: number } | null }) {
      if (event.result?.id) await getService(strapi, 'memberships').forgetUser(event.result.id);
    },
  });

};
