import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

/**
 * Each agency sees its own work: admin users' membership of agencies (edited by super admins on the
 * agency's edit view) and the "in my agency" RBAC condition that scopes the editorial roles. The app
 * says which relation leads from each content type to its agency (`config.scopes`); every admin
 * surface applies the condition through the kernel's `permittedFilters` (src/common/agency-scope.ts).
 */
export default { register, config, contentTypes, controllers, routes, services };
