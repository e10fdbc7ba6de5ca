import { checkUploadedFiles, type IncomingFile } from './check-upload';

type Next = () => Promise<unknown>;
type RouteContext = { request: { files?: Record<string, IncomingFile | IncomingFile[] | undefined> } };
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
 * Puts `refuseDisallowedFiles` first on every route of the upload plugin (admin and content API):
 * a route that takes no file passes through, and a route Strapi adds later is covered.
 */
export const guardUploadRoutes = (routers: UploadRouters): void => {
  for (const router of Object.values(routers)) {
    for (const route of router.routes) {
      route.config = { ...route.config, middlewares: [refuseDisallowedFiles, ...(route.config?.middlewares ?? [])] };
    }
  }
};
