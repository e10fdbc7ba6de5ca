import entry from './entry';

export default { entry };
