import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Next, RequestContext } from '../common/http';
import { isInside, isUploadsPath, servedHeaders } from '../lib/uploads/served-headers';


/** The file a static-file response streams (koa-send sets the body to an fs.ReadStream), if any. */
const streamedFile = (body: unknown): string | undefined => {
  const filePath = (body as { path?: unknown } | null)?.path;
  return typeof filePath === 'string' && typeof (body as { pipe?: unknown }).pipe === 'function' ? filePath : undefined;
};

const decodedPath = (requestPath: string): string => {
  try {
    return decodeURIComponent(requestPath);
  } catch {
    return requestPath;
  }
};

/**
 * Serves uploads so that none can run script on this origin, including files stored before uploads
 * were checked: `nosniff`, a Content-Security-Policy that runs nothing, and anything that is not an
 * image, audio or PDF as an attachment. Registered just before `strapi::public`; it applies to a
 * response when the request path resolves under /uploads/ or when the file streamed lies in the
 * uploads folder, whichever route served it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const uploadsDir = path.join(strapi.dirs.static.public, 'uploads');

  return async (ctx: RequestContext, next: Next) => {
    await next();
    if (ctx.body == null) return;
    const file = streamedFile(ctx.body);
    if (!isUploadsPath(ctx.path) && !(file && isInside(file, uploadsDir))) return;

    const headers = servedHeaders(ctx.response.type, file ?? decodedPath(ctx.path));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', headers.contentSecurityPolicy);
    if (headers.attachmentName) {
      const type = ctx.response.type;
      ctx.attachment(headers.attachmentName);
      ctx.type = headers.contentType ?? type;
    }
  };
};
