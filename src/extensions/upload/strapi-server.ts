import type { Core } from '@strapi/strapi';
import { guardUploadRoutes, type UploadRouters } from '../../lib/uploads/guard-upload-routes';
import { guardReplacement } from '../../lib/uploads/guard-replacement';
import { guardUploadService, type UploadService } from '../../lib/uploads/guard-upload-service';

type UploadPlugin = {
  services: Record<string, (deps: { strapi: Core.Strapi }) => UploadService>;
  routes: UploadRouters;
};

/**
 * Extension of Strapi's upload plugin: only files whose content is an allowed type are stored,
 * whichever route or caller of the upload service hands them over, and a file attached to a document
 * in review, approved or published is never replaced in place (README: Security › Uploads).
 */
export default (plugin: UploadPlugin): UploadPlugin => {
  const createUploadService = plugin.services.upload;
  plugin.services.upload = (deps) => guardReplacement(deps.strapi, guardUploadService(createUploadService(deps)));
  guardUploadRoutes(plugin.routes);
  return plugin;
};
