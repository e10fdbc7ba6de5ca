import audit from './audit';
import content from './content';
import demoUsers from './demo-users';
import inbox from './inbox';
import notifier from './notifier';
import roles from './roles';
import settings from './settings';
import standing from './standing';
import states from './states';
import trust from './trust';
import workflow from './workflow';

export default {
  audit,
  content,
  'demo-users': demoUsers,
  inbox,
  notifier,
  roles,
  settings,
  standing,
  states,
  trust,
  workflow,
};
