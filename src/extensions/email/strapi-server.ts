type Route = { method: string; path: string };
type EmailPlugin = { routes: Record<'admin' | 'content-api', { routes: Route[] }> };

const isSend = (route: Route) => route.method === 'POST' && route.path === '/';

/**
 * Removes the e-mail plugin's two "send anything" routes: `POST /email` (admin), which lets every
 * logged-in admin, a Contributor included, send any message from the province's address, and
 * `POST /api/email` (content API), which a full-access API token may call. Nothing in this product
 * sends e-mail over HTTP; the server sends its own notifications. Settings, test and verify stay.
 */
export default (plugin: EmailPlugin): EmailPlugin => {
  for (const type of ['admin', 'content-api'] as const) {
    plugin.routes[type].routes = plugin.routes[type].routes.filter((route) => !isSend(route));
  }
  return plugin;
};
