import channels from './channels';
import deliveries from './deliveries';
import dispatcher from './dispatcher';
import publicationEvents from './publication-events';
import snapshot from './snapshot';
import state from './state';

export default {
  channels,
  deliveries,
  dispatcher,
  'publication-events': publicationEvents,
  snapshot,
  state,
};
