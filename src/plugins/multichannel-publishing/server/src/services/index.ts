import changeFeed from './change-feed';
import channelHealth from './channel-health';
import channels from './channels';
import deliveries from './deliveries';
import dispatcher from './dispatcher';
import publicationEvents from './publication-events';
import snapshot from './snapshot';
import state from './state';
import zaloBroadcasts from './zalo-broadcasts';
import zaloCover from './zalo-cover';
import zaloOa from './zalo-oa';

export default {
  'change-feed': changeFeed,
  'channel-health': channelHealth,
  channels,
  deliveries,
  dispatcher,
  'publication-events': publicationEvents,
  snapshot,
  state,
  'zalo-broadcasts': zaloBroadcasts,
  'zalo-cover': zaloCover,
  'zalo-oa': zaloOa,
};
