import canUseScripts from './can-use-scripts';

export default { 'can-use-scripts': canUseScripts };
