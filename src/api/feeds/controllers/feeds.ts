import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../common/http';
import { appService } from '../../../lib/app-services';
import type { FeedFormat, FeedName } from '../constants';
import { parseFeedQuery } from '../validation';

/** `GET /api/feeds/<name>.<format>?locale=…`: the feed as the service renders it, with its content type. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const serve = (name: FeedName, format: FeedFormat) => async (ctx: RequestContext) => {
    const { locale } = parseFeedQuery(ctx.query);
    const { body, contentType } = await appService(strapi, 'api::feeds.feeds').render(name, format, locale);
    ctx.type = contentType;
    ctx.body = body;
  };
  return {
    policiesAtom: serve('policies', 'atom'),
    policiesJson: serve('policies', 'json'),
    consultationDraftsAtom: serve('consultation-drafts', 'atom'),
    consultationDraftsJson: serve('consultation-drafts', 'json'),
  };
};
