import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError } from '../common/errors';
import type { RequestContext as Context } from '../common/http';
import { isRowId } from '../lib/row-id';

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

/** Strapi's action reads `body[field]` as an array without checking it: anything else was a 500. */
const bodyNeedsArray = (strapi: Core.Strapi, uid: string, action: string, field: string) =>
  patch(strapi, uid, (original) => ({
    async [action](this: unknown, ctx: Context) {
      const body: unknown = ctx.request.body;
      if (!isObject(body) || !Array.isArray(body[field])) throw new errors.ValidationError(`${field} must be an array`);
      return original[action].call(this, ctx);
    },
  }));

/**
 * These admin routes take a row id in the path and hand it to the database unchecked: PostgreSQL
 * answers `/admin/roles/abc` with a type error that became a 500. A malformed id is a 400 naming it.
 */
const idParamIsWholeNumber = (strapi: Core.Strapi, uid: string, actions: string[]) =>
  patch(strapi, uid, (original) =>
    Object.fromEntries(
      actions.map((action) => [
        action,
        async function (this: unknown, ctx: Context, ...rest: unknown[]) {
          if (!isRowId(ctx.params.id)) throw fieldError(['id'], 'id (in the path) must be a positive whole number');
          return original[action].call(this, ctx, ...rest);
        },
      ]),
    ),
  );

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
  // `POST /admin/permissions/check` without `permissions` crashed on `undefined`.
  bodyNeedsArray(strapi, 'admin::permission', 'check', 'permissions');
  // The homepage layout is checked with zod, whose error Strapi does not translate.
  bodyNeedsArray(strapi, 'admin::homepage', 'updateHomepageLayout', 'widgets');
  unknownWebhookIs404(strapi);
  idParamIsWholeNumber(strapi, 'admin::role', ['getPermissions', 'updatePermissions', 'findOne', 'update', 'deleteOne']);
  idParamIsWholeNumber(strapi, 'admin::user', ['findOne', 'update', 'deleteOne']);
  idParamIsWholeNumber(strapi, 'admin::api-token', ['revoke', 'get', 'update', 'regenerate']);
  idParamIsWholeNumber(strapi, 'admin::webhooks', ['getWebhook', 'updateWebhook', 'deleteWebhook', 'triggerWebhook']);
  noTrialCountdownWithoutLicence(strapi);
};
