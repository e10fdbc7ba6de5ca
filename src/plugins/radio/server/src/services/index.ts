import scripts from './scripts';

export default { scripts };
