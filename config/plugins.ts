import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/lib/env-secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
    },
  },
  'public-participation': {
    enabled: true,
    resolve: './src/plugins/public-participation',
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 7,
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: env('NODE_ENV') !== 'production',
    },
  },
  // Nothing covered here is published without the approvals it needs (see src/plugins/approval-workflow).
  // Covered content types are listed here only; a uid whose content type does not exist yet is ignored with a warning.
  'approval-workflow': {
    enabled: env.bool('APPROVAL_WORKFLOW_ENABLED', true),
    resolve: './src/plugins/approval-workflow',
    config: {
      contentTypes: [
        { uid: 'api::policy.policy', requiredApprovals: 2 },
        { uid: 'api::consultation-draft.consultation-draft', requiredApprovals: 1 },
        { uid: 'api::radio-script.radio-script', requiredApprovals: 1 },
      ],
    },
  },
});

export default config;
