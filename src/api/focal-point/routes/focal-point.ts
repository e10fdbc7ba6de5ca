import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::focal-point.focal-point');
