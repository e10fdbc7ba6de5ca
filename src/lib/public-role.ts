import type { Core } from '@strapi/strapi';

/**
 * The content-API actions the users-permissions Public role holds now (`api::policy.policy.find`, …),
 * read from its permissions: what an anonymous caller may do. The one place the app asks this
 * (the OpenAPI description, the change feed); src/bootstrap/public-permissions.ts decides it.
 */
export const publicRoleActions = async (strapi: Core.Strapi): Promise<Set<string>> => {
  const permissions = (await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: { type: 'public' } }, select: ['action'] })) as Array<{ action: string }>;
  return new Set(permissions.map((permission) => permission.action));
};
