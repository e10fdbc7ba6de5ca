import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { getPluginConfig } from './utils/config';
import { getService } from './utils/get-service';

const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'Read deliveries and channels', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Retry failed deliveries', uid: 'retry', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Broadcast Zalo articles to followers', uid: 'broadcast', pluginName: PLUGIN_ID },
];

/** Admin permissions, state rows, a check of the configuration, then the dispatcher. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  await getService(strapi, 'state').ensureBaseRows();

  const events = getService(strapi, 'publication-events');
  const missing = getPluginConfig(strapi).contentTypes.map((entry) => entry.uid).filter((uid) => !events.isCovered(uid));
  if (missing.length > 0) {
    // A uid of a later issue (e.g. radio scripts) may not exist yet: not an error.
    strapi.log.info(`[${PLUGIN_ID}] not distributed (missing or without draft & publish): ${missing.join(', ')}`);
  }
  const snapshot = getService(strapi, 'snapshot');
  for (const uid of events.coveredUids()) {
    // Fails at boot rather than at the first publish when a configured populate names a wrong field.
    await strapi.db.query(uid).findOne({ where: { id: -1 }, populate: snapshot.populateFor(uid) });
  }

  // Zalo's default cover, before the channels describe themselves (an absolute cover URL completes Zalo).
  await getService(strapi, 'zalo-cover').ensureAtBoot();

  for (const { adapter, description } of await getService(strapi, 'channels').describeAll()) {
    if (description.enabled && !description.configComplete) {
      strapi.log.warn(`[${PLUGIN_ID}] channel ${adapter.name} is incomplete and gets no deliveries; missing: ${description.problems.join(', ')}`);
    }
  }

  getService(strapi, 'dispatcher').start();
  getService(strapi, 'channel-health').start();
};
