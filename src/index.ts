import type { Core } from '@strapi/strapi';
import { startCoverageHistory, stopCoverageHistory } from './api/coverage/maintenance';
import { startFeedbackMaintenance, stopFeedbackMaintenance } from './api/feedback/maintenance';
import { configureContentManagerLayouts } from './bootstrap/content-manager-layouts';
import { auditAdminRoleChanges } from './bootstrap/admin-audit';
import { applyAgencyScoping } from './bootstrap/agency-scoping';
import { fixCoreAdminControllers } from './bootstrap/core-admin-fixes';
import { grantEditorialPermissions } from './bootstrap/editorial-permissions';
import { guardGraphqlRegistration, syncEndUserRegistration } from './bootstrap/end-user-registration';
import { registerGraphqlMeNeedsUser } from './bootstrap/graphql-me-needs-user';
import { ensureLocales } from './bootstrap/locales';
import { protectPrivateAttributes } from './bootstrap/content-api-privacy';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { seedSuperAdmin } from './bootstrap/seed-admin';
import { applyStockRoles } from './bootstrap/stock-roles';
import { registerDocumentMiddlewares } from './document-middlewares';
import { registerConsultationOutcome } from './document-middlewares/consultation-outcome';
import { registerFeedbackDeletionAudit } from './document-middlewares/feedback-deletion-audit';
import { registerFeedbackNotifications } from './document-middlewares/feedback-notifications';
import { registerContentApiReadGuard } from './document-middlewares/content-api-reads';
import { registerPolicyWithdrawal } from './document-middlewares/policy-withdrawal';
import { registerConsultationStatusField } from './graphql/consultation-status';
import { registerGraphqlPublishedOnly } from './graphql/published-only';
import { registerGraphqlRequestGuard } from './graphql/request-guard';
import { appService } from './lib/app-services';
import { startReadCacheInvalidation, stopReadCacheInvalidation } from './lib/read-cache-invalidation';
import { waitForIdleDatabase } from './lib/shutdown';
import { seedDemoOnFirstBoot } from './seed';

type RolesService = { ensureRoles: () => Promise<void> };

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    fixCoreAdminControllers(strapi);
    auditAdminRoleChanges(strapi);
    registerGraphqlMeNeedsUser(strapi);
    registerDocumentMiddlewares(strapi);
    registerPolicyWithdrawal(strapi);
    registerConsultationOutcome(strapi);
    registerFeedbackDeletionAudit(strapi);
    registerFeedbackNotifications(strapi);
    registerContentApiReadGuard(strapi);
    protectPrivateAttributes(strapi);
    registerConsultationStatusField(strapi);
    registerGraphqlPublishedOnly(strapi);
    registerGraphqlRequestGuard(strapi);
    guardGraphqlRegistration(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    startReadCacheInvalidation(strapi);
    await ensureLocales(strapi);
    await syncPublicPermissions(strapi);
    await syncEndUserRegistration(strapi);
    // Roles are shaped here, not in a plugin's bootstrap: Strapi runs every plugin's bootstrap before
    // the admin's, which creates the default roles with conditions it only then registers. The
    // locales exist by now, so localized permissions list them all.
    await applyStockRoles(strapi);
    await (strapi.plugin('approval-workflow')?.service('roles') as RolesService | undefined)?.ensureRoles();
    await grantEditorialPermissions(strapi);
    await applyAgencyScoping(strapi);
    await configureContentManagerLayouts(strapi);
    await seedSuperAdmin(strapi);
    startFeedbackMaintenance(strapi);
    const radio = appService(strapi, 'api::radio-script.background');
    radio.start();
    await seedDemoOnFirstBoot(strapi);
    radio.catchUp();
    // After the seed: a fresh demo's first snapshot holds its figures.
    await startCoverageHistory(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopFeedbackMaintenance(strapi);
    stopCoverageHistory(strapi);
    await stopReadCacheInvalidation(strapi);
    await appService(strapi, 'api::radio-script.background').stop();
    await waitForIdleDatabase(strapi);
  },
};
