import { forbiddenError } from '../../../../../common/errors';
import type { RequestContext } from '../../../../../common/http';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import { RADIO_SCRIPT_UID } from '../../../../../common/uids';
import type { Ability } from '../services/scripts';

export type CanUseScriptsConfig = { action: 'read' | 'update' };

/**
 * `plugin::radio.can-use-scripts`: the route needs the content manager's `action` on radio scripts.
 * It throws rather than returning false, so the 403 says which permission is missing.
 */
const canUseScripts = (ctx: RequestContext, config: CanUseScriptsConfig): true => {
  const ability = ctx.state.userAbility as Ability | undefined;
  if (!ability?.can(CONTENT_MANAGER[config.action], RADIO_SCRIPT_UID)) {
    throw forbiddenError('You need the radio script permission for this action / Bạn cần quyền trên kịch bản phát thanh');
  }
  return true;
};

export default canUseScripts;
