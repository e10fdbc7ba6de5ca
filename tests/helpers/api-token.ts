import type { Core } from '@strapi/strapi';

/** Creates a full-access API token (what an integrator or a preview front end would hold) and returns its key. */
export const createFullAccessToken = async (strapi: Core.Strapi, name = 'integration-test'): Promise<string> => {
  const token = await strapi.service('admin::api-token').create({
    name: `${name}-${Date.now()}`,
    description: 'created by the test suite',
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey as string;
};
