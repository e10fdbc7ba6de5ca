import messages from './messages';
import preferences from './preferences';

export default { messages, preferences };
