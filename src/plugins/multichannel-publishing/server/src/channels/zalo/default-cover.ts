import sharp from 'sharp';

/** Zalo's cover photo: 16:9, and Zalo refuses images over 1 MB (ours is a few dozen KB). */
export const DEFAULT_COVER = { width: 1280, height: 720, maxBytes: 1024 * 1024, fileName: 'zalo-default-cover.jpg' } as const;

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);

/**
 * The default cover of the province's OA articles: its name on a plain background, drawn as SVG and
 * encoded as JPEG by sharp (already the media library's image library). DejaVu Sans, on Debian and
 * in most Linux images, has every Vietnamese letter; fontconfig falls back to any sans-serif font.
 */
export const renderDefaultCover = async (title: string, subtitle: string): Promise<Buffer> => {
  const heading = title.normalize('NFC').toLocaleUpperCase('vi');
  // Long names get a smaller font so they stay inside the picture (average glyph ≈ 0.68 em wide).
  const fontSize = Math.max(40, Math.min(96, Math.floor(1120 / (Array.from(heading).length * 0.68))));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${DEFAULT_COVER.width}" height="${DEFAULT_COVER.height}">
  <rect width="100%" height="100%" fill="#0b4f8a"/>
  <rect x="80" y="346" width="1120" height="4" fill="#f2c94c"/>
  <text x="640" y="300" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${fontSize}" font-weight="bold" fill="#ffffff" text-anchor="middle">${escapeXml(heading)}</text>
  <text x="640" y="440" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="48" fill="#dbe9f6" text-anchor="middle">${escapeXml(subtitle.normalize('NFC'))}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
};
