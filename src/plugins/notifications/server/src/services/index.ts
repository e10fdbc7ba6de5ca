import email from './email';
import outbox from './outbox';
import preferences from './preferences';
import worker from './worker';
import zalo from './zalo';

export default { email, outbox, preferences, worker, zalo };
