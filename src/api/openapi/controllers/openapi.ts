import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { notFoundError } from '../../../common/errors';
import type { RequestContext } from '../../../common/http';
import { appService } from '../../../lib/app-services';

const swaggerUiDir = () => path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** Relative URLs, so the page works behind a proxy prefix: /api/docs → /api/docs/<asset>, /api/openapi.json. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Public API — policy communication CMS</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`;

/** A file, not inline, so the Content-Security-Policy (scripts from 'self' only) holds. validatorUrl null: no outside call. */
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });
});
`;

type Asset = { type: string; file?: string; text?: string };
const ASSETS: Record<string, Asset> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', file: 'swagger-ui.css' },
  'swagger-ui-bundle.js': { type: 'application/javascript; charset=utf-8', file: 'swagger-ui-bundle.js' },
  'init.js': { type: 'application/javascript; charset=utf-8', text: INIT },
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/openapi.json` (ETag and public caching from global::public-cache). */
  async document(ctx: RequestContext) {
    ctx.body = await appService(strapi, 'api::openapi.openapi').document();
  },

  /** `GET /api/docs`: the page people browse. */
  async page(ctx: RequestContext) {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', `public, max-age=${strapi.config.get<number>('http-cache.maxAge', 60)}`);
    ctx.body = PAGE;
  },

  /** `GET /api/docs/:asset`: Swagger UI's files, by name from a fixed list. */
  async asset(ctx: RequestContext) {
    const asset = Object.prototype.hasOwnProperty.call(ASSETS, ctx.params.asset) ? ASSETS[ctx.params.asset] : undefined;
    if (!asset) throw notFoundError('No such file');
    ctx.type = asset.type;
    ctx.set('Cache-Control', `public, max-age=${strapi.config.get<number>('http-cache.maxAge', 60)}`);
    ctx.body = asset.text ?? fs.createReadStream(path.join(swaggerUiDir(), asset.file as string));
  },
});
