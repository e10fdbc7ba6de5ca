import fs from 'fs';
import os from 'os';
import path from 'path';
import type request from 'supertest';
import { errors } from '@strapi/utils';
import { ALLOWED_UPLOAD_TYPES, strapiUploadSecurity } from '../../src/lib/uploads/allowed-types';
import { GUARDED_METHODS, NON_STORING_METHODS } from '../../src/lib/uploads/guard-upload-service';
import { asAdmin, createAdminUser, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createFullAccessToken } from '../helpers/api-token';
import { ROLE_CODES } from '../helpers/approval-workflow';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { allowedSamples, disallowedSamples, docxBytes, oggVorbisBytes, pdfBytes, scriptedHtml, scriptedSvg, type Sample } from '../helpers/upload-samples';

const FILE = 'plugin::upload.file';
const ALLOWED_KINDS = 'Allowed: images (JPEG, PNG, WebP, GIF), PDF, office documents (DOCX, XLSX, PPTX, DOC, XLS, PPT, ODT, ODS), audio (MP3, Ogg/Opus, WAV, M4A, AAC, FLAC).';
const STRICT_POLICY = "default-src 'none'; sandbox";
/** One sample of each allowed type (names from `allowedSamples`). */
const ACCEPTED = [
  'anh-tin-bai.jpg', 'so-do.png', 'banner.webp', 'bieu-tuong.gif', 'quyet-dinh.pdf', 'du-thao.docx', 'so-lieu.xlsx', 'trinh-bay.pptx',
  'cong-van.doc', 'bang-tinh.xls', 'bai-giang.ppt', 'van-ban.odt', 'bang.ods', 'ban-tin.mp3', 'ban-tin.ogg', 'ban-tin.opus',
  'phong-van.wav', 'ghi-am.m4a', 'ghi-am.aac', 'ghi-am.flac',
];

type StoredFile = { id: number; name: string; mime: string; ext: string; url: string; hash: string };
type AllowedSample = Awaited<ReturnType<typeof allowedSamples>>[number];

let app: TestApp;
let editorToken: string;
let apiToken: string;
let allowed: AllowedSample[];
let existing: StoredFile;

const uploadsDir = () => path.join(process.env.PUBLIC_DIR as string, 'uploads');
const sampleOf = (name: string) => allowed.find((sample) => sample.name === name) as AllowedSample;
const attach = (test: request.Test, ...samples: Sample[]) =>
  samples.reduce((current, sample) => current.attach('files', sample.bytes, { filename: sample.name, contentType: sample.mime }), test);

const adminUpload = (...samples: Sample[]) => attach(asAdmin(app.strapi, editorToken).post('/upload'), ...samples);
const adminReplace = (id: number, sample: Sample) => attach(asAdmin(app.strapi, editorToken).post(`/upload?id=${id}`), sample);
const apiUpload = (sample: Sample, query = '') => attach(app.http().post(`/api/upload${query}`).set('Authorization', `Bearer ${apiToken}`), sample);

const storedCount = () => app.strapi.db.query(FILE).count();
const storedOnDisk = () => fs.readdirSync(uploadsDir()).sort();
const findFile = async (id: number) => (await app.strapi.db.query(FILE).findOne({ where: { id } })) as StoredFile;

/** A file as the upload service's callers hand it over: a path on disk and what the caller claims. */
const tempFile = (bytes: Buffer, name: string, mimetype: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcms-upload-'));
  const filepath = path.join(dir, name);
  fs.writeFileSync(filepath, bytes);
  return { filepath, originalFilename: name, mimetype, size: bytes.length };
};

const expectRefusal = (response: request.Response, sample: Sample & { detectedType: string | null }) => {
  expect(response.status).toBe(400);
  expect(response.body.error.name).toBe('ValidationError');
  expect(response.body.error.message).toContain(`File "${sample.name}" is not allowed`);
  expect(response.body.error.message).toContain(
    sample.detectedType ? `its content was detected as ${sample.detectedType}` : 'its content is not a recognised file type',
  );
  expect(response.body.error.message).toContain(ALLOWED_KINDS);
  expect(response.body.error.details).toMatchObject({ fileName: sample.name, detectedType: sample.detectedType });
};

const expectSafeHeaders = (response: request.Response) => {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toMatch(/^default-src 'none';.*\bsandbox\b/);
};

beforeAll(async () => {
  app = await startTestApp('uploads', SUPER_ADMIN_ENV);
  editorToken = (await createAdminUser(app.strapi, { email: 'uploads-editor@test.gov.vn', roleCodes: [ROLE_CODES.editor] })).token;
  apiToken = await createFullAccessToken(app.strapi, 'uploads');
  allowed = await allowedSamples();
  const response = await adminUpload(sampleOf('so-do.png'));
  expect(response.status).toBe(201);
  existing = response.body[0];
});

afterAll(async () => {
  await app?.stop();
});

describe('a file whose content is not an allowed type', () => {
  describe.each(disallowedSamples())('$label ($name, declared $mime)', (sample) => {
    it('is refused on an admin upload, with a message naming the detected type and the allowed kinds', async () => {
      const [countBefore, diskBefore] = [await storedCount(), storedOnDisk()];
      expectRefusal(await adminUpload(sample), sample);
      expect(await storedCount()).toBe(countBefore);
      expect(storedOnDisk()).toEqual(diskBefore);
    });

    it('is refused as the replacement of an existing file (POST /upload?id=), which keeps its bytes', async () => {
      const before = await findFile(existing.id);
      const bytesBefore = fs.readFileSync(path.join(process.env.PUBLIC_DIR as string, before.url));
      expectRefusal(await adminReplace(existing.id, sample), sample);
      expect(await findFile(existing.id)).toMatchObject({ mime: 'image/png', ext: '.png', hash: before.hash });
      expect(fs.readFileSync(path.join(process.env.PUBLIC_DIR as string, before.url)).equals(bytesBefore)).toBe(true);
    });

    it('is refused on a content-API upload with a full-access token, new or as a replacement', async () => {
      const countBefore = await storedCount();
      expectRefusal(await apiUpload(sample), sample);
      expectRefusal(await apiUpload(sample, `?id=${existing.id}`), sample);
      expect(await storedCount()).toBe(countBefore);
    });
  });

  it('makes a multi-file upload fail as a whole, where Strapi alone would store the allowed files and drop the others', async () => {
    const countBefore = await storedCount();
    const response = await adminUpload(sampleOf('quyet-dinh.pdf'), { bytes: scriptedHtml(), name: 'kem-theo.html', mime: 'text/html' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('File "kem-theo.html" is not allowed');
    expect(await storedCount()).toBe(countBefore);
  });

  it('is refused by the upload service itself, whoever calls it: upload, replace and the image helpers', async () => {
    const service = app.strapi.plugin('upload').service('upload');
    const html = () => tempFile(scriptedHtml(), 'bao-cao.pdf', 'application/pdf');
    const countBefore = await storedCount();
    await expect(service.upload({ data: { fileInfo: {} }, files: html() })).rejects.toThrow(errors.ValidationError);
    await expect(service.replace(existing.id, { data: { fileInfo: {} }, file: html() })).rejects.toThrow(/is not allowed/);
    const svg = tempFile(scriptedSvg(), 'logo.png', 'image/png');
    await expect(service._uploadImage({ ...svg, name: 'logo.png', ext: '.png', hash: 'logo_x', getStream: () => fs.createReadStream(svg.filepath) })).rejects.toThrow(
      /is not allowed/,
    );
    expect(await storedCount()).toBe(countBefore);
  });
});

describe('the upload service is guarded wherever it can store a file', () => {
  it('has no method left unclassified: each one is either guarded or known not to store a file', () => {
    const service = app.strapi.plugin('upload').service('upload') as Record<string, unknown>;
    const methods = Object.keys(service).filter((name) => typeof service[name] === 'function');
    expect(methods.sort()).toEqual([...GUARDED_METHODS, ...NON_STORING_METHODS].sort());
  });

  it('keeps Strapi’s own type check configured, with every script-capable type denied and none allowed', () => {
    const security = app.strapi.config.get('plugin::upload.security') as ReturnType<typeof strapiUploadSecurity>;
    expect(security).toEqual(strapiUploadSecurity());
    for (const type of ['text/html', 'image/svg+xml', 'text/javascript', 'application/javascript', 'application/xml']) {
      expect(security.deniedTypes).toContain(type);
      expect(security.allowedTypes).not.toContain(type);
    }
  });
});

describe('a file whose content is an allowed type', () => {
  it.each(ACCEPTED)('is accepted on an admin upload and stored with the type of its content: %s', async (name) => {
    const sample = sampleOf(name);
    const response = await adminUpload(sample);
    expect(response.status).toBe(201);
    expect(response.body[0]).toMatchObject({ mime: sample.storedMime, ext: sample.storedExt });
    expect(fs.existsSync(path.join(process.env.PUBLIC_DIR as string, response.body[0].url))).toBe(true);
  });

  it('is sampled above for every type of the allow list', () => {
    expect(new Set(ACCEPTED.map((name) => sampleOf(name).storedMime))).toEqual(new Set(ALLOWED_UPLOAD_TYPES.map((type) => type.mime)));
  });

  it('is stored under the extension of its content, so a PNG named .html is served as an image', async () => {
    const response = await adminUpload({ ...sampleOf('so-do.png'), name: 'anh.html', mime: 'text/html' });
    expect(response.status).toBe(201);
    expect(response.body[0]).toMatchObject({ mime: 'image/png', ext: '.png', name: 'anh.png' });
    expect(response.body[0].url).toMatch(/\.png$/);
    const served = await app.http().get(response.body[0].url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('is accepted as an admin replacement, which takes the type of the new content', async () => {
    const target = (await adminUpload(sampleOf('so-do.png'))).body[0] as StoredFile;
    const response = await adminReplace(target.id, sampleOf('anh-tin-bai.jpg'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: target.id, mime: 'image/jpeg', url: target.url });
  });

  it('is accepted on a content-API upload with a full-access token', async () => {
    const response = await apiUpload(sampleOf('quyet-dinh.pdf'));
    expect(response.status).toBe(201);
    expect(response.body[0]).toMatchObject({ mime: 'application/pdf', ext: '.pdf' });
  });

  it('is stored by the upload service when a background job hands it over, as the radio worker does with Ogg Vorbis', async () => {
    const file = tempFile(oggVorbisBytes(), 'radio-test.ogg', 'audio/ogg');
    const [stored] = await app.strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { name: 'Bản tin.ogg' } }, files: file });
    expect(stored).toMatchObject({ mime: 'audio/ogg', ext: '.ogg', name: 'Bản tin.ogg' });
  });
});

describe('files served from /uploads/', () => {
  let served: Record<'png' | 'pdf' | 'ogg' | 'docx', StoredFile>;

  beforeAll(async () => {
    const upload = async (sample: Sample) => (await adminUpload(sample)).body[0] as StoredFile;
    served = {
      png: await upload(sampleOf('so-do.png')),
      pdf: await upload({ bytes: pdfBytes(), name: 'ke-hoach.pdf', mime: 'application/pdf' }),
      ogg: await upload(sampleOf('ban-tin.ogg')),
      docx: await upload({ bytes: docxBytes(), name: 'bao-cao.docx', mime: 'application/octet-stream' }),
    };
    fs.writeFileSync(path.join(uploadsDir(), 'old-page.html'), scriptedHtml());
    fs.writeFileSync(path.join(uploadsDir(), 'old-logo.svg'), scriptedSvg());
    fs.writeFileSync(path.join(uploadsDir(), 'old-script.js'), "fetch('/admin/access-token', { method: 'POST' })");
    fs.writeFileSync(path.join(process.env.PUBLIC_DIR as string, 'robots.txt'), 'User-agent: *\n');
  });

  it('shows an image inline, with nosniff and a policy that runs nothing but lets the viewer style itself', async () => {
    const response = await app.http().get(served.png.url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBeUndefined();
    expectSafeHeaders(response);
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  });

  it('shows a PDF inline under the strict sandbox policy', async () => {
    const response = await app.http().get(served.pdf.url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.headers['content-security-policy']).toBe(STRICT_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('plays audio inline, whole or by range, with a sandbox that keeps the origin for the player’s own fetch', async () => {
    for (const response of [await app.http().get(served.ogg.url), await app.http().get(served.ogg.url).set('Range', 'bytes=0-99')]) {
      expect([200, 206]).toContain(response.status);
      expect(response.headers['content-type']).toBe('audio/ogg');
      expect(response.headers['content-disposition']).toBeUndefined();
      expectSafeHeaders(response);
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; media-src 'self'; sandbox allow-same-origin");
    }
  });

  it('hands an office document over as an attachment of its own type', async () => {
    const response = await app.http().get(served.docx.url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${path.basename(served.docx.url)}"`);
    expect(response.headers['content-security-policy']).toBe(STRICT_POLICY);
  });

  it.each(['old-page.html', 'old-logo.svg', 'old-script.js'])(
    'hands a file stored before uploads were checked over as opaque bytes to download, under the sandbox: %s',
    async (name) => {
      for (const method of ['get', 'head'] as const) {
        const response = await app.http()[method](`/uploads/${name}`);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/octet-stream');
        expect(response.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
        expect(response.headers['content-security-policy']).toBe(STRICT_POLICY);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    },
  );

  it.each([
    '/x/../uploads/old-page.html',
    '/%75ploads/old-page.html',
    '/uploads/%2e%2e/uploads/old-page.html',
    '/uploads//old-page.html',
    '/uploads/./old-page.html',
  ])('serves the same file under the same headers however the path is spelled: %s', async (spelling) => {
    const response = await app.http().get(spelling);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="old-page.html"');
    expect(response.headers['content-security-policy']).toBe(STRICT_POLICY);
    expect(response.headers['content-type']).toBe('application/octet-stream');
  });

  it('serves /UPLOADS/ under the same headers where the file system finds the folder (case-insensitive, here a symlink)', async () => {
    expect((await app.http().get('/UPLOADS/old-page.html')).status).toBe(404);
    fs.symlinkSync(uploadsDir(), path.join(process.env.PUBLIC_DIR as string, 'UPLOADS'));
    try {
      const response = await app.http().get('/UPLOADS/old-page.html');
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="old-page.html"');
      expect(response.headers['content-security-policy']).toBe(STRICT_POLICY);
    } finally {
      fs.unlinkSync(path.join(process.env.PUBLIC_DIR as string, 'UPLOADS'));
    }
  });

  it('leaves other public files to the app’s own headers', async () => {
    const response = await app.http().get('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.headers['content-security-policy']).not.toBe(STRICT_POLICY);
  });
});
