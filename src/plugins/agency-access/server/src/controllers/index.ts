import members from './members';

export default { members };
