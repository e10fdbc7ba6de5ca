import { validatePluginConfig } from '../domain/config';

/** Defaults and validation of `config/plugins.ts` → `approval-workflow.config`. */
export default {
  default: { contentTypes: [] },
  validator(config: unknown): void {
    validatePluginConfig(config);
  },
};
