import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { fieldError } from '../../../../../common/errors';
import type { RequestContext } from '../../../../../common/http';
import type { Ability } from '../services/scripts';
import { getService } from '../utils/get-service';

const params = z.object({ documentId: z.string().min(1).max(64).regex(/^[a-z0-9]+$/) });

const parseParams = (ctx: RequestContext) => {
  const parsed = params.safeParse(ctx.params);
  if (!parsed.success) throw fieldError('documentId', 'documentId is not a valid document id');
  return parsed.data;
};

/** Set by `admin::isAuthenticatedAdmin`, which every radio route runs first. */
const abilityOf = (ctx: RequestContext) => ctx.state.userAbility as Ability;

/** Radio admin endpoints; the route policy `can-use-scripts` has checked the permission on radio scripts. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /policies/:documentId/scripts`: a policy's scripts, grouped by language in the panel. */
  async forPolicy(ctx: RequestContext) {
    const { documentId } = parseParams(ctx);
    ctx.body = { data: await getService(strapi, 'scripts').forPolicy(documentId, abilityOf(ctx)) };
  },

  /** `GET /scripts/:documentId/audio`: the panel polls this while rendering. */
  async audio(ctx: RequestContext) {
    const { documentId } = parseParams(ctx);
    ctx.body = { data: await getService(strapi, 'scripts').audio(documentId, abilityOf(ctx)) };
  },

  /** `POST /scripts/:documentId/render-audio`: 202, rendering runs in the background. */
  async renderAudio(ctx: RequestContext) {
    const { documentId } = parseParams(ctx);
    const data = await getService(strapi, 'scripts').requestAudio(documentId, abilityOf(ctx));
    ctx.status = 202;
    ctx.body = { data };
  },
});
