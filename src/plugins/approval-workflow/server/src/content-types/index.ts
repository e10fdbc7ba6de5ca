import transitionSchema from './transition/schema.json';
import workflowStateSchema from './workflow-state/schema.json';

export default {
  'workflow-state': { schema: workflowStateSchema },
  transition: { schema: transitionSchema },
};
