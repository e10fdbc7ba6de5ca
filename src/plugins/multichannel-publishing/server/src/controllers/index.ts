import broadcasts from './broadcasts';
import channels from './channels';
import deliveries from './deliveries';

export default { broadcasts, channels, deliveries };
