import channels from './channels';
import deliveries from './deliveries';

export default { channels, deliveries };
