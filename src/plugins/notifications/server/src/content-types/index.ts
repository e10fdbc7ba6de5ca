import notification from './message';
import zaloContact from './zalo-contact';

export default { notification, 'zalo-contact': zaloContact };
