/// <reference lib="dom" />
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '__screenshots__');

/** Hosts the browser may talk to: this machine only. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Schemes that never leave the browser (its own pages and extensions, inline and in-memory data). */
const IN_BROWSER_SCHEMES = new Set(['chrome:', 'chrome-extension:', 'data:', 'blob:', 'about:']);

/** Whether a request stays inside the browser or on this machine. */
export const isLocalRequest = (url: string): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return IN_BROWSER_SCHEMES.has(parsed.protocol) || LOCAL_HOSTS.has(parsed.hostname);
};

export type TestBrowser = {
  context: BrowserContext;
  page: Page;
  /** Every request the browser tried to send beyond this machine (each was aborted). */
  refused: () => string[];
  close: () => Promise<void>;
};

/**
 * Debian's Chromium, headless, on a fresh profile; never a downloaded browser. Network features
 * that would reach the internet are off, and every request to another host is aborted and recorded,
 * so a test can assert that the admin panel never called out. The page waits up to `timeoutMs` for
 * what a test asks of it (30 s unless told).
 */
export const launchBrowser = async ({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<TestBrowser> => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcms-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // A service worker's requests would not pass through the route below.
    serviceWorkers: 'block',
  });
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalRequest(url)) return route.fallback();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(timeoutMs);
  return {
    context,
    page,
    refused: () => [...refused],
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};

/** Saves a full-page screenshot for humans (git-ignored). */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
};

/**
 * Logs `user` in through the admin panel's login form, as a fresh visitor (cookies and storage of
 * a previous user cleared) working in Vietnamese (the language stored before the form loads, as the
 * language picker does), and waits until the panel has left the login pages.
 */
export const logIn = async ({ context, page }: TestBrowser, baseUrl: string, user: { email: string; password: string }): Promise<void> => {
  await context.clearCookies();
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.evaluate(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
    window.localStorage.setItem('strapi-admin-language', 'vi');
  });
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((current) => !current.pathname.startsWith('/admin/auth'));
};
