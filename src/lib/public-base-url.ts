import type { Core } from '@strapi/strapi';

const isAbsoluteUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);

/** This CMS's public base URL, without a trailing slash: `PUBLIC_URL` (config/feeds.ts), else the server's own absolute URL. */
export const publicBaseUrl = (strapi: Core.Strapi): string =>
  ([strapi.config.get<string>('feeds.publicUrl', ''), strapi.config.get<string>('server.absoluteUrl', '')].find(isAbsoluteUrl) ?? 'http://localhost').replace(/\/+$/, '');

/** `url` made absolute against `base` (an uploaded file's `/uploads/…`); an absolute URL (a cloud provider's) is kept. */
export const absoluteUrl = (base: string, url: string): string =>
  /^https?:\/\//i.test(url) ? url : `${base.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
