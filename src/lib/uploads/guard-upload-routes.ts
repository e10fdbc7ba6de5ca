import { fieldError } from '../../common/errors';
import { isRowId } from '../row-id';
import { checkUploadedFiles, type IncomingFile } from './check-upload';

type Next = () => Promise<unknown>;
type RouteContext = {
  request: { files?: Record<string, IncomingFile | IncomingFile[] | undefined> };
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
};
type RouteMiddleware = (ctx: RouteContext, next: Next) => Promise<unknown>;
type Route = { method?: string; path?: string; config?: Record<string, unknown> & { middlewares?: unknown[] } };
export type UploadRouters = Record<string, { routes: Route[] }>;

/**
 * Refuses the whole request when any file in it is not an allowed type. Running before the
 * controllers, it answers with the app's message (detected type, allowed kinds) instead of Strapi's,
 * and refuses outright where Strapi would silently drop the bad files of a multi-file upload.
 */
export const refuseDisallowedFiles: RouteMiddleware = async (ctx, next) => {
  const files = Object.values(ctx.request.files ?? {}).flatMap((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
  await checkUploadedFiles(files);
  return next();
};

/**
 * Every id the upload plugin takes (files and folders, `?id=` of a replacement or `:id` of a route)
 * is a row id. Strapi passes it to the database unchecked, and PostgreSQL answers a non-numeric one
 * with an error that becomes a 500; this answers 400 naming the parameter instead.
 */
export const refuseMalformedIds: RouteMiddleware = async (ctx, next) => {
  for (const [where, value] of [
    ['query', ctx.query?.id],
    ['params', ctx.params?.id],
  ] as const) {
    if (value === undefined) continue;
    if (!isRowId(value)) throw fieldError(['id'], `id (in the ${where === 'query' ? 'query string' : 'path'}) must be a positive whole number`);
  }
  return next();
};

/**
 * Puts `refuseMalformedIds` and `refuseDisallowedFiles` first on every route of the upload plugin (admin and content API):
 * a route that takes no file passes through, and a route Strapi adds later is covered.
 */
export const guardUploadRoutes = (routers: UploadRouters): void => {
  for (const router of Object.values(routers)) {
    for (const route of router.routes) {
      route.config = { ...route.config, middlewares: [refuseMalformedIds, refuseDisallowedFiles, ...(route.config?.middlewares ?? [])] };
    }
  }
};
