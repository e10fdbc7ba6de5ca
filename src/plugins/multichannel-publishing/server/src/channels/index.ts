import { facebookChannel } from './facebook';
import { portalChannel } from './portal';
import { sourceSystemChannel } from './source-system';
import type { ChannelFactory } from './types';
import { zaloChannel } from './zalo';
import { zaloBroadcastChannel } from './zalo-broadcast';

/** Channels shipped with the plugin. A new channel is a new folder plus one entry here. */
export const BUILT_IN_CHANNELS: ChannelFactory[] = [portalChannel, zaloChannel, sourceSystemChannel, facebookChannel, zaloBroadcastChannel];
