import contentTypes from './content-types';
import documents from './documents';
import inbox from './inbox';

export default { 'content-types': contentTypes, documents, inbox };
