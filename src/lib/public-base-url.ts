import type { Core } from '@strapi/strapi';

const isAbsoluteUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);

/** This CMS's public base URL, without a trailing slash: `PUBLIC_URL` (config/feeds.ts), else the server's own absolute URL. */
export const publicBaseUrl = (strapi: Core.Strapi): string =>
  ([strapi.config.get<string>('feeds.publicUrl', ''), strapi.config.get<string>('server.absoluteUrl', '')].find(isAbsoluteUrl) ?? 'http://localhost').replace(/\/+$/, '');
