import email from './email';
import outbox from './outbox';
import worker from './worker';

export default { email, outbox, worker };
