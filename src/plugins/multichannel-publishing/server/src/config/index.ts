import { pluginConfigSchema } from './schema';

export default {
  default: {},
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      const details = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
      throw new Error(`Invalid multichannel-publishing config: ${details}`);
    }
  },
};
