import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::focal-point.focal-point');
