import { factories } from '@strapi/strapi';

// `create` is replaced by the public intake (01-public-participation.ts); agencies enter hotline and
// meeting feedback in the admin panel.
export default factories.createCoreRouter('api::feedback.feedback', { except: ['create'] });
