import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Ability = { can: (action: string) => boolean };
type Context = { request: { body?: unknown }; params: Record<string, string>; state: { userAbility?: Ability } };
type Action = (this: unknown, ctx: Context, ...rest: unknown[]) => unknown;
type Controller = Record<string, Action>;

/** Replaces some actions of a registered controller; the others (and `this` for them) stay Strapi's. */
const patch = (strapi: Core.Strapi, uid: string, actions: (original: Controller) => Controller): void => {
  strapi.get('controllers').extend(uid, (original: Controller) => ({ ...original, ...actions(original) }));
};

const CONFIGURE_COMPONENT_LAYOUT = 'plugin::content-manager.components.configure-layout';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The relation pickers' shared check answers `ctx.forbidden()` and returns nothing, which the
 * caller then destructures: a user without read permission on the source type got a 500.
 */
const relationsForbiddenIs403 = (strapi: Core.Strapi) =>
  patch(strapi, 'plugin::content-manager.relations', (original) => ({
    async extractAndValidateRequestInfo(this: unknown, ctx: Context, id?: unknown) {
      const info = await original.extractAndValidateRequestInfo.call(this, ctx, id);
      if (!info) throw new errors.ForbiddenError();
      return info;
    },
  }));

/**
 * Strapi's route for a component's layout has no permission check at all: any admin, a Contributor
 * included, could relabel or hide fields in everyone's edit view. Strapi registers the permission
 * (Settings → Roles → Plugins → Content manager → Components → configure layout) but never asks it.
 */
const componentLayoutNeedsItsPermission = (strapi: Core.Strapi) =>
  patch(strapi, 'plugin::content-manager.components', (original) => ({
    async updateComponentConfiguration(this: unknown, ctx: Context) {
      if (!ctx.state.userAbility?.can(CONFIGURE_COMPONENT_LAYOUT)) throw new errors.ForbiddenError();
      return original.updateComponentConfiguration.call(this, ctx);
    },
  }));

/** `POST /admin/permissions/check` without a `permissions` array crashed on `undefined` (500). */
const permissionCheckNeedsPermissions = (strapi: Core.Strapi) =>
  patch(strapi, 'admin::permission', (original) => ({
    async check(this: unknown, ctx: Context) {
      if (!isObject(ctx.request.body) || !Array.isArray(ctx.request.body.permissions)) {
        throw new errors.ValidationError('permissions must be an array');
      }
      return original.check.call(this, ctx);
    },
  }));

/** The homepage layout is checked with zod, whose error Strapi does not translate (500). */
const homepageLayoutNeedsWidgets = (strapi: Core.Strapi) =>
  patch(strapi, 'admin::homepage', (original) => ({
    async updateHomepageLayout(this: unknown, ctx: Context) {
      if (!isObject(ctx.request.body) || !Array.isArray(ctx.request.body.widgets)) {
        throw new errors.ValidationError('widgets must be an array');
      }
      return original.updateHomepageLayout.call(this, ctx);
    },
  }));

/** Triggering a webhook that does not exist ran the runner on `null` (500). */
const unknownWebhookIs404 = (strapi: Core.Strapi) =>
  patch(strapi, 'admin::webhooks', (original) => ({
    async triggerWebhook(this: unknown, ctx: Context) {
      if (!(await strapi.get('webhookStore').findWebhook(ctx.params.id))) throw new errors.NotFoundError('Webhook not found');
      return original.triggerWebhook.call(this, ctx);
    },
  }));

/**
 * The trial countdown asks Strapi's licence server about the (absent) licence key: a call out to
 * the internet from every admin session, and a 500 on a network without it. The Community Edition
 * has no trial.
 */
const noTrialCountdownWithoutLicence = (strapi: Core.Strapi) =>
  patch(strapi, 'admin::admin', (original) => ({
    async licenseTrialTimeLeft(this: unknown, ctx: Context) {
      if (!strapi.EE) throw new errors.NotFoundError('No licence: the Community Edition has no trial');
      return original.licenseTrialTimeLeft.call(this, ctx);
    },
  }));

/**
 * Fixes in Strapi's admin controllers found by the authorization matrix
 * (tests/api/authorization-matrix.test.ts): a missing permission check, and routes that answered
 * 500 to bad input (or called out to the internet) instead of a clear 4xx. Each wrapper checks
 * before delegating to Strapi's own action. Runs in `register`, before the routes are bound to
 * their controllers.
 */
export const fixCoreAdminControllers = (strapi: Core.Strapi): void => {
  relationsForbiddenIs403(strapi);
  componentLayoutNeedsItsPermission(strapi);
  permissionCheckNeedsPermissions(strapi);
  homepageLayoutNeedsWidgets(strapi);
  unknownWebhookIs404(strapi);
  noTrialCountdownWithoutLicence(strapi);
};
