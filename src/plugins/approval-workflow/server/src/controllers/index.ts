import documents from './documents';
import inbox from './inbox';

export default { documents, inbox };
