import type { Core } from '@strapi/strapi';
import type { ZaloOa } from '../../../../../common/zalo-oa';
import { createZaloOaClient, zaloConfigSchema, type ZaloOaClient } from '../channels/zalo/oa-client';
import { getPluginConfig } from '../utils/config';
import { getService } from '../utils/get-service';

/**
 * The OA connection offered to the rest of the product (contract: src/common/zalo-oa.ts): the same
 * settings and the same stored token chain as the Zalo article channel, so a consultation message
 * never starts a second refresh-token rotation that would lock the first one out.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let client: ZaloOaClient | null = null;
  const connection = (): ZaloOaClient => {
    client ??= createZaloOaClient({
      config: zaloConfigSchema.parse(getPluginConfig(strapi).channels.zalo ?? {}),
      state: getService(strapi, 'state').channelStore('zalo'),
    });
    return client;
  };

  const service: ZaloOa = {
    async unavailableReason() {
      const { enabled, configComplete, problems } = await connection().describe();
      if (!enabled) return 'Zalo is not configured: ZALO_APP_ID, ZALO_SECRET_KEY and ZALO_REFRESH_TOKEN are not set';
      if (!configComplete) return `Zalo is not configured: ${problems.join(', ')} missing`;
      return null;
    },

    call(what, path, body, options) {
      return connection().call(what, path, body, options ?? {});
    },
  };
  return service;
};
