import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::focal-point.focal-point');
