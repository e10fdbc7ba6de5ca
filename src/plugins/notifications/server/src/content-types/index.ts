import notification from './message';

export default { notification };
