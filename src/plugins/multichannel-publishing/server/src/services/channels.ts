import type { Core } from '@strapi/strapi';
import { BUILT_IN_CHANNELS } from '../channels';
import type { ChannelAdapter, ChannelDescription, ChannelFactory } from '../channels/types';
import { getPluginConfig } from '../utils/config';
import { getService } from '../utils/get-service';

/** The channel registry: built-in channels plus any registered at runtime by other code. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = getPluginConfig(strapi);
  const factories = new Map<string, ChannelFactory>(BUILT_IN_CHANNELS.map((factory) => [factory.name, factory]));
  const adapters = new Map<string, ChannelAdapter>();

  const instantiate = (factory: ChannelFactory): ChannelAdapter =>
    factory.create({
      strapi,
      config: config.channels[factory.name] ?? {},
      publicUrl: config.publicUrl ?? null,
      state: getService(strapi, 'state').channelStore(factory.name),
    });

  const get = (name: string): ChannelAdapter | undefined => {
    const cached = adapters.get(name);
    if (cached) return cached;
    const factory = factories.get(name);
    if (!factory) return undefined;
    const adapter = instantiate(factory);
    adapters.set(name, adapter);
    return adapter;
  };

  return {
    /** Adds (or replaces) a channel; call it in `register` or `bootstrap`. */
    register(factory: ChannelFactory): void {
      factories.set(factory.name, factory);
      adapters.delete(factory.name);
    },

    /** One channel by name. */
    get,

    /** Every known channel. */
    all(): ChannelAdapter[] {
      return [...factories.keys()].map((name) => get(name)).filter((adapter): adapter is ChannelAdapter => Boolean(adapter));
    },

    /** Every known channel with its description. */
    async describeAll(): Promise<Array<{ adapter: ChannelAdapter; description: ChannelDescription }>> {
      const all = this.all();
      const descriptions = [];
      // One after the other: inside a publishing transaction on SQLite there is a single connection.
      for (const adapter of all) descriptions.push({ adapter, description: await adapter.describe() });
      return descriptions;
    },

    /** Channels that get a delivery with each publication: configured completely, and not on demand only. */
    async active(): Promise<ChannelAdapter[]> {
      return (await this.describeAll())
        .filter(({ adapter, description }) => description.configComplete && !adapter.onDemand)
        .map(({ adapter }) => adapter);
    },
  };
};
