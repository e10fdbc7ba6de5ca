import path from 'path';
import { ALLOWED_UPLOAD_TYPES } from './allowed-types';

/** How a file under /uploads/ is shown: in the browser (image, audio, PDF) or only as a download. */
export type ServedKind = 'image' | 'audio' | 'pdf' | 'download';

/** Types a browser shows inline without running anything, keyed by the Content-Type the static server derives from the extension. */
const INLINE_TYPES: Record<string, Exclude<ServedKind, 'download'>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/apng': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'image/avif': 'image',
  'image/bmp': 'image',
  'image/vnd.microsoft.icon': 'image',
  'image/x-icon': 'image',
  'audio/mpeg': 'audio',
  'audio/ogg': 'audio',
  'audio/wav': 'audio',
  'audio/wave': 'audio',
  'audio/x-wav': 'audio',
  'audio/mp4': 'audio',
  'audio/x-m4a': 'audio',
  'audio/aac': 'audio',
  'audio/x-aac': 'audio',
  'audio/flac': 'audio',
  'audio/x-flac': 'audio',
  'audio/webm': 'audio',
  'application/pdf': 'pdf',
};

/** Office documents keep their type when downloaded (so the right application opens them); anything else becomes opaque bytes. */
const DOWNLOAD_TYPES = new Set(
  ALLOWED_UPLOAD_TYPES.filter((type) => type.kind === 'document').flatMap((type) => [type.mime, ...(type.aliases ?? [])]),
);

/**
 * A policy that runs nothing. `sandbox` gives the document an opaque origin with scripts, forms,
 * popups and plugins disabled, so even an HTML or SVG file rendered by mistake cannot act as the
 * admin's origin. Per kind, only what Chromium needs to show the file:
 * - images: the image viewer styles itself inline (without it the image still shows, unstyled);
 * - audio: the media viewer fetches the file again with CORS, which an opaque origin cannot pass,
 *   hence `allow-same-origin` (safe without `allow-scripts`) and `media-src 'self'`;
 * - PDF: Chromium's viewer displays a PDF under the strict policy.
 */
const CONTENT_SECURITY_POLICIES: Record<ServedKind, string> = {
  image: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  audio: "default-src 'none'; media-src 'self'; sandbox allow-same-origin",
  pdf: "default-src 'none'; sandbox",
  download: "default-src 'none'; sandbox",
};

export type ServedHeaders = {
  kind: ServedKind;
  contentSecurityPolicy: string;
  /** Replaces the Content-Type when set; `undefined` keeps the one derived from the extension. */
  contentType?: string;
  /** The file name for `Content-Disposition: attachment`, for downloads only. */
  attachmentName?: string;
};

/** The headers a file under /uploads/ is served with, from the Content-Type it would otherwise be served as. */
export const servedHeaders = (contentType: string, filePath: string): ServedHeaders => {
  const essence = contentType.split(';')[0].trim().toLowerCase();
  const inline = INLINE_TYPES[essence] as ServedKind | undefined;
  if (inline) return { kind: inline, contentSecurityPolicy: CONTENT_SECURITY_POLICIES[inline] };
  return {
    kind: 'download',
    contentSecurityPolicy: CONTENT_SECURITY_POLICIES.download,
    contentType: DOWNLOAD_TYPES.has(essence) ? undefined : 'application/octet-stream',
    attachmentName: path.basename(filePath),
  };
};

/**
 * Whether a request path names something under /uploads/ as the static server resolves it: it
 * decodes the path once and removes dot segments (`/x/../uploads/a.html`, `/%75ploads/a.html`),
 * and a case-insensitive file system serves `/UPLOADS/a.html` from the same folder.
 */
export const isUploadsPath = (requestPath: string): boolean => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return false;
  }
  const normalized = path.posix.normalize(`/${decoded.replace(/\\/g, '/')}`).toLowerCase();
  return normalized === '/uploads' || normalized.startsWith('/uploads/');
};

/** Whether `filePath` lies inside `directory`, compared case-insensitively for the same reason. */
export const isInside = (filePath: string, directory: string): boolean => {
  const relative = path.relative(directory.toLowerCase(), filePath.toLowerCase());
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};
