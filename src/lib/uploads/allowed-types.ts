/** What the product publishes: pictures for articles, PDFs and office files of policies, radio audio. */
export type UploadKind = 'image' | 'pdf' | 'document' | 'audio';

export type AllowedUploadType = {
  kind: UploadKind;
  /** How people call it, in refusal messages. */
  label: string;
  /** The MIME type stored in the media library. */
  mime: string;
  /** What file-type reports for such content. */
  detectedAs: readonly string[];
  /** Other names of the same type (mime-types' lookup of the extensions), which Strapi's own check compares. */
  aliases?: readonly string[];
  /** Lower-case, with the dot; the first one is given to a file whose name has none of them. */
  extensions: readonly string[];
};

const OOXML = 'application/vnd.openxmlformats-officedocument';
const OPEN_DOCUMENT = 'application/vnd.oasis.opendocument';
/**
 * Legacy Word, Excel and PowerPoint files are OLE compound files, which file-type names only as such
 * (MSI installers are too): the content must be one, and the extension then says which of the three.
 */
const COMPOUND_FILE = 'application/x-cfb';

/** Every type an upload may have. Anything whose content is not positively one of these is refused. */
export const ALLOWED_UPLOAD_TYPES: readonly AllowedUploadType[] = [
  { kind: 'image', label: 'JPEG', mime: 'image/jpeg', detectedAs: ['image/jpeg'], extensions: ['.jpg', '.jpeg'] },
  { kind: 'image', label: 'PNG', mime: 'image/png', detectedAs: ['image/png', 'image/apng'], extensions: ['.png'] },
  { kind: 'image', label: 'WebP', mime: 'image/webp', detectedAs: ['image/webp'], extensions: ['.webp'] },
  { kind: 'image', label: 'GIF', mime: 'image/gif', detectedAs: ['image/gif'], extensions: ['.gif'] },
  { kind: 'pdf', label: 'PDF', mime: 'application/pdf', detectedAs: ['application/pdf'], extensions: ['.pdf'] },
  { kind: 'document', label: 'DOCX', mime: `${OOXML}.wordprocessingml.document`, detectedAs: [`${OOXML}.wordprocessingml.document`], extensions: ['.docx'] },
  { kind: 'document', label: 'XLSX', mime: `${OOXML}.spreadsheetml.sheet`, detectedAs: [`${OOXML}.spreadsheetml.sheet`], extensions: ['.xlsx'] },
  { kind: 'document', label: 'PPTX', mime: `${OOXML}.presentationml.presentation`, detectedAs: [`${OOXML}.presentationml.presentation`], extensions: ['.pptx'] },
  { kind: 'document', label: 'DOC', mime: 'application/msword', detectedAs: [COMPOUND_FILE], extensions: ['.doc'] },
  { kind: 'document', label: 'XLS', mime: 'application/vnd.ms-excel', detectedAs: [COMPOUND_FILE], extensions: ['.xls'] },
  { kind: 'document', label: 'PPT', mime: 'application/vnd.ms-powerpoint', detectedAs: [COMPOUND_FILE], extensions: ['.ppt'] },
  { kind: 'document', label: 'ODT', mime: `${OPEN_DOCUMENT}.text`, detectedAs: [`${OPEN_DOCUMENT}.text`], extensions: ['.odt'] },
  { kind: 'document', label: 'ODS', mime: `${OPEN_DOCUMENT}.spreadsheet`, detectedAs: [`${OPEN_DOCUMENT}.spreadsheet`], extensions: ['.ods'] },
  { kind: 'audio', label: 'MP3', mime: 'audio/mpeg', detectedAs: ['audio/mpeg'], extensions: ['.mp3'] },
  {
    kind: 'audio',
    label: 'Ogg/Opus',
    mime: 'audio/ogg',
    detectedAs: ['audio/ogg', 'audio/ogg; codecs=opus'],
    extensions: ['.ogg', '.oga', '.opus'],
  },
  { kind: 'audio', label: 'WAV', mime: 'audio/wav', detectedAs: ['audio/wav'], aliases: ['audio/wave'], extensions: ['.wav'] },
  { kind: 'audio', label: 'M4A', mime: 'audio/mp4', detectedAs: ['audio/x-m4a', 'audio/mp4'], extensions: ['.m4a'] },
  { kind: 'audio', label: 'AAC', mime: 'audio/aac', detectedAs: ['audio/aac'], aliases: ['audio/x-aac'], extensions: ['.aac'] },
  { kind: 'audio', label: 'FLAC', mime: 'audio/flac', detectedAs: ['audio/flac'], aliases: ['audio/x-flac'], extensions: ['.flac'] },
];

const KIND_NAMES: Record<UploadKind, string> = {
  image: 'images',
  pdf: 'PDF',
  document: 'office documents',
  audio: 'audio',
};

/** "images (JPEG, PNG, WebP, GIF), PDF, office documents (DOCX, …), audio (MP3, …)", for refusal messages. */
export const describeAllowedKinds = (): string =>
  (Object.keys(KIND_NAMES) as UploadKind[])
    .map((kind) => {
      const labels = ALLOWED_UPLOAD_TYPES.filter((type) => type.kind === kind).map((type) => type.label);
      return labels.length === 1 && labels[0] === KIND_NAMES[kind] ? KIND_NAMES[kind] : `${KIND_NAMES[kind]} (${labels.join(', ')})`;
    })
    .join(', ');

/** Script-capable types, named so Strapi's own check refuses them even when declared or implied by the extension. */
const DENIED_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
];

/**
 * `upload.config.security` for Strapi's built-in check. That check falls back to the extension when
 * the content is not recognised (HTML, SVG, scripts are text), so it is only a first gate: the app's
 * own content check (`check-upload.ts`) decides.
 */
export const strapiUploadSecurity = (): { allowedTypes: string[]; deniedTypes: string[] } => ({
  allowedTypes: [...new Set(ALLOWED_UPLOAD_TYPES.flatMap((type) => [type.mime, ...type.detectedAs, ...(type.aliases ?? [])]))],
  deniedTypes: DENIED_TYPES,
});
