import email from './email';
import outbox from './outbox';
import worker from './worker';
import zalo from './zalo';

export default { email, outbox, worker, zalo };
