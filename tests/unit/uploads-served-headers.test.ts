import { isInside, isUploadsPath, servedHeaders } from '../../src/lib/uploads/served-headers';

describe('isUploadsPath', () => {
  it.each([
    ['/uploads/a.png', true],
    ['/uploads', true],
    ['/UPLOADS/a.html', true],
    ['/Uploads/a.html', true],
    ['/%75ploads/a.html', true],
    ['/%55PLOADS/a.html', true],
    ['/x/../uploads/a.html', true],
    ['/x/%2e%2e/uploads/a.html', true],
    ['/uploads/./a.html', true],
    ['//uploads/a.html', true],
    ['/uploads\\a.html', true],
    ['/uploads/../favicon.png', false],
    ['/uploadsx/a.html', false],
    ['/admin/uploads/a.html', false],
    ['/api/upload', false],
    ['/favicon.png', false],
    ['/%E0%A4%A/uploads', false],
  ])('reads %s as under /uploads/: %s', (requestPath, expected) => {
    expect(isUploadsPath(requestPath)).toBe(expected);
  });
});

describe('isInside', () => {
  it.each([
    ['/srv/public/uploads/a.png', '/srv/public/uploads', true],
    ['/srv/public/UPLOADS/a.png', '/srv/public/uploads', true],
    ['/srv/public/uploads/sub/a.png', '/srv/public/uploads', true],
    ['/srv/public/uploads', '/srv/public/uploads', false],
    ['/srv/public/favicon.png', '/srv/public/uploads', false],
    ['/srv/public/uploads-old/a.png', '/srv/public/uploads', false],
  ])('places %s inside %s: %s', (file, directory, expected) => {
    expect(isInside(file, directory)).toBe(expected);
  });
});

describe('servedHeaders', () => {
  it.each([
    ['image/png', 'image'],
    ['image/jpeg', 'image'],
    ['image/webp', 'image'],
    ['image/gif', 'image'],
    ['audio/ogg', 'audio'],
    ['audio/mpeg', 'audio'],
    ['audio/wave', 'audio'],
    ['audio/x-flac', 'audio'],
    ['application/pdf', 'pdf'],
  ])('shows %s inline as %s, under a sandbox policy that allows no script', (contentType, kind) => {
    const headers = servedHeaders(contentType, '/uploads/file');
    expect(headers.kind).toBe(kind);
    expect(headers.attachmentName).toBeUndefined();
    expect(headers.contentType).toBeUndefined();
    expect(headers.contentSecurityPolicy).toMatch(/^default-src 'none';.*\bsandbox\b/);
    expect(headers.contentSecurityPolicy).not.toMatch(/allow-scripts|script-src/);
  });

  it.each([
    ['text/html; charset=utf-8', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    ['application/javascript; charset=utf-8', 'application/octet-stream'],
    ['application/xhtml+xml', 'application/octet-stream'],
    ['application/xml', 'application/octet-stream'],
    ['text/plain; charset=utf-8', 'application/octet-stream'],
    ['', 'application/octet-stream'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', undefined],
    ['application/msword', undefined],
    ['application/vnd.oasis.opendocument.spreadsheet', undefined],
  ])('hands %s over as an attachment under the strict sandbox, as %s', (contentType, replacement) => {
    const headers = servedHeaders(contentType, '/srv/public/uploads/old-page.html');
    expect(headers).toEqual({
      kind: 'download',
      contentSecurityPolicy: "default-src 'none'; sandbox",
      contentType: replacement,
      attachmentName: 'old-page.html',
    });
  });

  it('keeps the origin only for audio, whose viewer re-fetches the file with CORS', () => {
    expect(servedHeaders('audio/ogg', 'a.ogg').contentSecurityPolicy).toBe("default-src 'none'; media-src 'self'; sandbox allow-same-origin");
    expect(servedHeaders('image/png', 'a.png').contentSecurityPolicy).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(servedHeaders('application/pdf', 'a.pdf').contentSecurityPolicy).toBe("default-src 'none'; sandbox");
  });
});
