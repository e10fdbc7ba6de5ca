import delivery from './delivery';
import publicationEvent from './publication-event';
import state from './state';

export default {
  'publication-event': publicationEvent,
  delivery,
  state,
};
