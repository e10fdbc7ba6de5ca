import type { Core } from '@strapi/strapi';

/**
 * Consultation settings (read through `src/api/consultation-draft/validation.ts`). `minDays`: the
 * shortest window a consultation draft may have, in calendar days (0 turns the rule off).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  minDays: env.int('CONSULTATION_MIN_DAYS', 20),
});

export default config;
