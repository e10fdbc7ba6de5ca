import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import sharp from 'sharp';

/** A file to upload: its bytes, the name and MIME type the client claims. */
export type Sample = { bytes: Buffer; name: string; mime: string };

const raster = (format: 'png' | 'jpeg' | 'webp' | 'gif', background: string) =>
  sharp({ create: { width: 48, height: 32, channels: 3, background } })[format]().toBuffer();

/** A one-page PDF that says "Hello PDF", with a correct cross-reference table. */
export const pdfBytes = (): Buffer => {
  const stream = 'BT /F1 18 Tf 20 40 Td (Hello PDF) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = out.length;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
};

/** One second of a 440 Hz tone, 8 kHz mono 16-bit PCM. */
export const wavBytes = (): Buffer => {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i += 1) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
};

/** Twenty silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz). */
export const mp3Bytes = (): Buffer => {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x44]);
  return Buffer.concat(Array.from({ length: 20 }, () => frame));
};

/** One second of a tone encoded by sox into Ogg Vorbis, as the radio feature does. */
export const oggVorbisBytes = (): Buffer => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcms-ogg-'));
  try {
    const file = path.join(dir, 'tone.ogg');
    execFileSync('sox', ['-n', '-r', '8000', '-c', '1', file, 'synth', '1', 'sine', '440']);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** The first page of an Ogg Opus stream (its OpusHead), which is what identifies the format. */
const opusBytes = (): Buffer => {
  const head = Buffer.concat([Buffer.from('OpusHead'), Buffer.from([1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0])]);
  const page = Buffer.alloc(28);
  page.write('OggS', 0);
  page[5] = 2;
  page.writeUInt32LE(1, 14);
  page[26] = 1;
  page[27] = head.length;
  return Buffer.concat([page, head]);
};

/** ADTS frames of AAC-LC, 44.1 kHz stereo. */
const aacBytes = (): Buffer => {
  const frameLength = 64;
  const frame = Buffer.alloc(frameLength);
  frame.set([0xff, 0xf1, 0x50, 0x80 | (frameLength >> 11), (frameLength >> 3) & 0xff, ((frameLength & 7) << 5) | 0x1f, 0xfc]);
  return Buffer.concat(Array.from({ length: 8 }, () => frame));
};

/** A FLAC stream header with its STREAMINFO block. */
const flacBytes = (): Buffer => Buffer.concat([Buffer.from('fLaC'), Buffer.from([0x80, 0, 0, 34]), Buffer.alloc(34)]);

/** An MP4 audio file's `ftyp` box with the M4A brand. */
const m4aBytes = (): Buffer => {
  const ftyp = Buffer.alloc(32);
  ftyp.writeUInt32BE(32, 0);
  ftyp.write('ftypM4A ', 4);
  ftyp.write('M4A mp42isom\0\0\0\0', 16);
  return Buffer.concat([ftyp, Buffer.alloc(64)]);
};

/** The header of an OLE compound file: legacy .doc/.xls/.ppt, but also .msi installers. */
const compoundFileBytes = (): Buffer => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]);

/** A ZIP archive of stored (uncompressed) entries. */
export const zipBytes = (entries: Array<[name: string, content: string]>): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

/** An Office Open XML package whose main part has the given content type. */
const ooxmlBytes = (mainPart: string, mainContentType: string, body: string): Buffer =>
  zipBytes([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${mainPart}" ContentType="${mainContentType}"/></Types>`,
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`,
    ],
    [mainPart, body],
  ]);

const OOXML = 'application/vnd.openxmlformats-officedocument';

/** A minimal Word document that Word opens: one paragraph. */
export const docxBytes = (): Buffer =>
  ooxmlBytes(
    'word/document.xml',
    `${OOXML}.wordprocessingml.document.main+xml`,
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Xin chào</w:t></w:r></w:p></w:body></w:document>',
  );

const openDocumentBytes = (mime: string): Buffer => zipBytes([['mimetype', mime], ['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>']]);

/** One sample per allowed type, with the MIME type it is stored as and the extension it is stored under. */
export const allowedSamples = async (): Promise<Array<Sample & { storedMime: string; storedExt: string }>> => [
  { bytes: await raster('jpeg', '#0a0'), name: 'anh-tin-bai.jpg', mime: 'image/jpeg', storedMime: 'image/jpeg', storedExt: '.jpg' },
  { bytes: await raster('png', '#c00'), name: 'so-do.png', mime: 'image/png', storedMime: 'image/png', storedExt: '.png' },
  { bytes: await raster('webp', '#00c'), name: 'banner.webp', mime: 'image/webp', storedMime: 'image/webp', storedExt: '.webp' },
  { bytes: await raster('gif', '#cc0'), name: 'bieu-tuong.gif', mime: 'image/gif', storedMime: 'image/gif', storedExt: '.gif' },
  { bytes: pdfBytes(), name: 'quyet-dinh.pdf', mime: 'application/pdf', storedMime: 'application/pdf', storedExt: '.pdf' },
  { bytes: docxBytes(), name: 'du-thao.docx', mime: `${OOXML}.wordprocessingml.document`, storedMime: `${OOXML}.wordprocessingml.document`, storedExt: '.docx' },
  {
    bytes: ooxmlBytes('xl/workbook.xml', `${OOXML}.spreadsheetml.sheet.main+xml`, '<workbook/>'),
    name: 'so-lieu.xlsx',
    mime: 'application/octet-stream',
    storedMime: `${OOXML}.spreadsheetml.sheet`,
    storedExt: '.xlsx',
  },
  {
    bytes: ooxmlBytes('ppt/presentation.xml', `${OOXML}.presentationml.presentation.main+xml`, '<presentation/>'),
    name: 'trinh-bay.pptx',
    mime: `${OOXML}.presentationml.presentation`,
    storedMime: `${OOXML}.presentationml.presentation`,
    storedExt: '.pptx',
  },
  { bytes: compoundFileBytes(), name: 'cong-van.doc', mime: 'application/msword', storedMime: 'application/msword', storedExt: '.doc' },
  { bytes: compoundFileBytes(), name: 'bang-tinh.xls', mime: 'application/vnd.ms-excel', storedMime: 'application/vnd.ms-excel', storedExt: '.xls' },
  { bytes: compoundFileBytes(), name: 'bai-giang.ppt', mime: 'application/vnd.ms-powerpoint', storedMime: 'application/vnd.ms-powerpoint', storedExt: '.ppt' },
  {
    bytes: openDocumentBytes('application/vnd.oasis.opendocument.text'),
    name: 'van-ban.odt',
    mime: 'application/vnd.oasis.opendocument.text',
    storedMime: 'application/vnd.oasis.opendocument.text',
    storedExt: '.odt',
  },
  {
    bytes: openDocumentBytes('application/vnd.oasis.opendocument.spreadsheet'),
    name: 'bang.ods',
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    storedMime: 'application/vnd.oasis.opendocument.spreadsheet',
    storedExt: '.ods',
  },
  { bytes: mp3Bytes(), name: 'ban-tin.mp3', mime: 'audio/mpeg', storedMime: 'audio/mpeg', storedExt: '.mp3' },
  { bytes: oggVorbisBytes(), name: 'ban-tin.ogg', mime: 'audio/ogg', storedMime: 'audio/ogg', storedExt: '.ogg' },
  { bytes: opusBytes(), name: 'ban-tin.opus', mime: 'audio/opus', storedMime: 'audio/ogg', storedExt: '.opus' },
  { bytes: wavBytes(), name: 'phong-van.wav', mime: 'audio/wav', storedMime: 'audio/wav', storedExt: '.wav' },
  { bytes: m4aBytes(), name: 'ghi-am.m4a', mime: 'audio/mp4', storedMime: 'audio/mp4', storedExt: '.m4a' },
  { bytes: aacBytes(), name: 'ghi-am.aac', mime: 'audio/aac', storedMime: 'audio/aac', storedExt: '.aac' },
  { bytes: flacBytes(), name: 'ghi-am.flac', mime: 'audio/flac', storedMime: 'audio/flac', storedExt: '.flac' },
];

/**
 * A page whose scripts would, if they ever ran, mark the page and call `beaconUrl`: an inline one,
 * and optionally `externalScript` loaded from the same folder (the stored-script attack: an uploaded
 * page loading an uploaded script, both allowed by the admin's `script-src 'self'`).
 */
export const scriptedHtml = (beaconUrl = 'http://127.0.0.1:9/ran', externalScript?: string): Buffer =>
  Buffer.from(
    `<!doctype html><html><head><title>untouched</title></head><body><p>Thông báo</p>` +
      `<script>document.title = 'SCRIPT RAN'; new Image().src = ${JSON.stringify(`${beaconUrl}?from=html`)};</script>` +
      (externalScript ? `<script src="${externalScript}"></script>` : '') +
      `</body></html>`,
  );

/** The external script of `scriptedHtml`. */
export const beaconScript = (beaconUrl: string): Buffer => Buffer.from(`new Image().src = ${JSON.stringify(`${beaconUrl}?from=external-script`)};`);

/** An SVG picture carrying a script that would mark the page and call `beaconUrl`. */
export const scriptedSvg = (beaconUrl = 'http://127.0.0.1:9/ran'): Buffer =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><title>untouched</title>` +
      `<script>document.title = 'SCRIPT RAN'; fetch(${JSON.stringify(`${beaconUrl}?from=svg`)}, { mode: 'no-cors' });</script><rect width="60" height="40" fill="red"/></svg>`,
  );

/** Content that must be refused whatever it is called, each named and declared as a client might. */
export const disallowedSamples = (): Array<Sample & { label: string; detectedType: string | null }> => [
  { label: 'an HTML page', bytes: scriptedHtml(), name: 'thong-bao.html', mime: 'text/html', detectedType: null },
  { label: 'an SVG picture with a script', bytes: scriptedSvg(), name: 'logo.svg', mime: 'image/svg+xml', detectedType: null },
  { label: 'a JavaScript file', bytes: Buffer.from("fetch('/admin/access-token', { method: 'POST' });"), name: 'app.js', mime: 'text/javascript', detectedType: null },
  { label: 'an HTML page named .pdf and declared as a PDF', bytes: scriptedHtml(), name: 'quyet-dinh.pdf', mime: 'application/pdf', detectedType: null },
  { label: 'PHP and script text named .jpg', bytes: Buffer.from('<?php system($_GET["c"]); ?><script>alert(1)</script>'), name: 'anh.jpg', mime: 'image/jpeg', detectedType: null },
  {
    label: 'a Windows executable named .png',
    bytes: (() => {
      const exe = Buffer.alloc(512);
      exe.write('MZ', 0);
      exe.writeUInt32LE(0x80, 0x3c);
      exe.write('PE\0\0', 0x80);
      return exe;
    })(),
    name: 'setup.png',
    mime: 'image/png',
    detectedType: 'application/x-msdownload',
  },
  { label: 'a Linux executable', bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]), name: 'tool.pdf', mime: 'application/pdf', detectedType: 'application/x-elf' },
  { label: 'a ZIP archive that is not an office document', bytes: zipBytes([['index.html', '<script>alert(1)</script>']]), name: 'ho-so.docx', mime: `${OOXML}.wordprocessingml.document`, detectedType: 'application/zip' },
  {
    label: 'a macro-enabled Word document',
    bytes: ooxmlBytes('word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml', '<w:document/>'),
    name: 'bieu-mau.docx',
    mime: `${OOXML}.wordprocessingml.document`,
    detectedType: 'application/vnd.ms-word.document.macroenabled.12',
  },
  { label: 'a compound file named like an installer', bytes: compoundFileBytes(), name: 'cai-dat.msi', mime: 'application/x-msi', detectedType: 'application/x-cfb' },
];
