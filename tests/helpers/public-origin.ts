import type { Core } from '@strapi/strapi';
import { startServer } from './fakes/http';

/**
 * The app's public origin on 127.0.0.1, for outside services that fetch from it (Zalo downloading an
 * article's cover from PUBLIC_URL). It listens before the app boots, so its URL can be PUBLIC_URL,
 * and hands each request to the booted app's own HTTP server once `serve` is called.
 */
export const startPublicOrigin = async () => {
  let app: Core.Strapi | null = null;
  const server = await startServer((request, response) => {
    if (!app) {
      response.writeHead(503);
      response.end();
      return;
    }
    app.server.httpServer.emit('request', request, response);
  });
  return {
    url: server.url(),
    /** From now on requests reach `strapi` (call again after a restart). */
    serve(strapi: Core.Strapi) {
      app = strapi;
    },
    close: server.close,
  };
};
