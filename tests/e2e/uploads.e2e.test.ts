/// <reference lib="dom" />
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import request from 'supertest';
import { createAdminUser, SUPER_ADMIN_ENV } from '../helpers/admin';
import { ROLE_CODES } from '../helpers/approval-workflow';
import { beaconScript, oggVorbisBytes, pdfBytes, scriptedHtml, scriptedSvg } from '../helpers/upload-samples';
import { waitFor } from '../helpers/wait';
import { launchBrowser } from './browser';
import { serveApp } from './server';

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type StoredFile = { url: string };

/** Chromium's PDF viewer, which shows a PDF document in a frame of its own. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

let served: Served;
let browser: Browser;
let page: Page;
let publicDir: string;
let editorToken: string;

/**
 * A server on another port that records every request a script sends it (the beacon), and serves
 * the same payloads as /uploads/ does but with no protective header, to show they do run when served plainly.
 */
const listener = { hits: [] as string[], server: undefined as http.Server | undefined, baseUrl: '' };
const plainFiles: Record<string, [type: string, bytes: () => Buffer]> = {
  '/plain/page.html': ['text/html', () => scriptedHtml(`${listener.baseUrl}/ran`, 'payload.js')],
  '/plain/payload.js': ['text/javascript', () => beaconScript(`${listener.baseUrl}/ran`)],
  '/plain/logo.svg': ['image/svg+xml', () => scriptedSvg(`${listener.baseUrl}/ran`)],
};

const startListener = () =>
  new Promise<void>((resolve) => {
    listener.server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      if (url.startsWith('/ran')) listener.hits.push(url);
      const file = plainFiles[url];
      if (!file) {
        res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]());
    });
    listener.server.listen(0, '127.0.0.1', () => {
      listener.baseUrl = `http://127.0.0.1:${(listener.server?.address() as { port: number }).port}`;
      resolve();
    });
  });

const upload = async (bytes: Buffer, name: string, type: string): Promise<StoredFile> => {
  const response = await request(served.strapi.server.httpServer)
    .post('/upload')
    .set('Authorization', `Bearer ${editorToken}`)
    .attach('files', bytes, { filename: name, contentType: type });
  expect(response.status).toBe(201);
  return response.body[0] as StoredFile;
};

/** Opens `url` the way a person following a link does; a download instead of a page is an answer too. */
const open = async (url: string) => {
  const download = page.waitForEvent('download', { timeout: 5000 }).catch(() => null);
  const response = await page.goto(url).catch(() => null);
  return { response, download: response ? null : await download };
};

const hitsFrom = (marker: string) => listener.hits.filter((hit) => hit.includes(`from=${marker}`));

beforeAll(async () => {
  await startListener();
  publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcms-public-uploads-e2e-'));
  fs.mkdirSync(path.join(publicDir, 'uploads'));
  served = await serveApp('uploads_e2e', { ...SUPER_ADMIN_ENV, PUBLIC_DIR: publicDir });
  editorToken = (await createAdminUser(served.strapi, { email: 'uploads-e2e-editor@test.gov.vn', roleCodes: [ROLE_CODES.editor] })).token;
  // Files stored before uploads were checked: the page loads the script next to it, as in the finding.
  const beacon = `${listener.baseUrl}/ran`;
  fs.writeFileSync(path.join(publicDir, 'uploads', 'old-page.html'), scriptedHtml(beacon, 'old-payload.js'));
  fs.writeFileSync(path.join(publicDir, 'uploads', 'old-payload.js'), beaconScript(beacon));
  fs.writeFileSync(path.join(publicDir, 'uploads', 'old-logo.svg'), scriptedSvg(beacon));
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await new Promise((resolve) => listener.server?.close(resolve));
  if (publicDir) fs.rmSync(publicDir, { recursive: true, force: true });
});

beforeEach(() => {
  listener.hits.length = 0;
});

describe('the same HTML and SVG served without protective headers', () => {
  it('run their scripts in Chromium, so the checks below would see a script that ran', async () => {
    await page.goto(`${listener.baseUrl}/plain/page.html`);
    await waitFor(async () => hitsFrom('external-script').length > 0 && hitsFrom('html').length > 0, { what: 'the plain page’s scripts' });
    expect(await page.title()).toBe('SCRIPT RAN');

    await page.goto(`${listener.baseUrl}/plain/logo.svg`);
    await waitFor(async () => hitsFrom('svg').length > 0, { what: 'the plain SVG’s script' });
    expect(await page.title()).toBe('SCRIPT RAN');
  });
});

describe('an HTML page or SVG picture stored under /uploads/ on the app’s origin', () => {
  it.each(['old-page.html', 'old-logo.svg'])('is downloaded, not shown, and none of its scripts runs: %s', async (name) => {
    const url = `${served.baseUrl}/uploads/${name}`;
    const { response, download } = await open(url);
    expect(response).toBeNull();
    expect(download?.suggestedFilename()).toBe(name);
    // Saved to disk in full and never made a document in any frame: there was nothing for a script to run in.
    expect(await download?.failure()).toBeNull();
    expect(page.frames().map((frame) => frame.url())).not.toContain(url);
    expect(listener.hits).toEqual([]);
  });

  it.each([
    ['old-page.html', 'text/html'],
    ['old-logo.svg', 'image/svg+xml'],
  ])('runs no script even in a browser that would show it inline, thanks to the sandbox policy: %s', async (name, type) => {
    const url = `${served.baseUrl}/uploads/${name}`;
    // What a browser ignoring Content-Disposition and the opaque type would do: render the served bytes as the page they are.
    let policy: string | undefined;
    await page.route(url, async (route) => {
      const original = await route.fetch();
      policy = original.headers()['content-security-policy'];
      await route.fulfill({ response: original, headers: { ...original.headers(), 'content-type': type, 'content-disposition': 'inline' } });
    });
    try {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(policy).toBe("default-src 'none'; sandbox");
      // `goto` resolved on the load event: a script allowed to run would have retitled the page before it.
      expect(await page.title()).toBe('untouched');
      expect(listener.hits).toEqual([]);
    } finally {
      await page.unroute(url);
    }
  });
});

describe('what editors upload still shows in Chromium', () => {
  it('shows an uploaded image', async () => {
    const png = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#c00' } }).png().toBuffer();
    const file = await upload(png, 'so-do.png', 'image/png');
    const response = await page.goto(`${served.baseUrl}${file.url}`);
    expect((await response?.allHeaders())?.['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(await page.evaluate(() => (document.querySelector('img') as HTMLImageElement | null)?.naturalWidth)).toBe(48);
  });

  it('shows an uploaded PDF in the built-in viewer', async () => {
    const file = await upload(pdfBytes(), 'ke-hoach.pdf', 'application/pdf');
    const response = await page.goto(`${served.baseUrl}${file.url}`);
    expect(response?.status()).toBe(200);
    expect((await response?.allHeaders())?.['content-security-policy']).toBe("default-src 'none'; sandbox");
    await waitFor(async () => page.frames().some((frame) => frame.url().startsWith(PDF_VIEWER)), { what: 'the PDF viewer', timeoutMs: 15_000 });
  });

  it('plays uploaded audio', async () => {
    const file = await upload(oggVorbisBytes(), 'ban-tin.ogg', 'audio/ogg');
    const response = await page.goto(`${served.baseUrl}${file.url}`);
    expect((await response?.allHeaders())?.['content-security-policy']).toContain('sandbox');
    // The sandboxed page runs no timers of its own: start playback, then watch it from here.
    await page.evaluate(() => {
      const media = document.querySelector('video, audio') as HTMLMediaElement;
      media.muted = true;
      void media.play();
    });
    const playback = await waitFor(
      async () => {
        const state = await page.evaluate(() => {
          const media = document.querySelector('video, audio') as HTMLMediaElement;
          return { duration: media.duration, currentTime: media.currentTime, error: media.error?.code ?? null };
        });
        return state.currentTime > 0.2 ? state : null;
      },
      { what: 'the audio to play', timeoutMs: 10_000 },
    );
    expect(playback.error).toBeNull();
    expect(playback.duration).toBeGreaterThan(0.9);
  });
});

describe('the browser', () => {
  it('sent no request beyond this machine', () => {
    expect(browser.refused()).toEqual([]);
  });
});
