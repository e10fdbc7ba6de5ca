import notification from './message';
import preference from './preference';
import zaloContact from './zalo-contact';

export default { notification, preference, 'zalo-contact': zaloContact };
