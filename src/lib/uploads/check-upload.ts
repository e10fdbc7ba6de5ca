import path from 'path';
import type { Readable } from 'stream';
import { errors } from '@strapi/utils';
import { ALLOWED_UPLOAD_TYPES, describeAllowedKinds, type AllowedUploadType } from './allowed-types';
import { detectFileType, type DetectedType } from './detect-type';

/** A file as the upload plugin receives it (formidable's shape), or as a caller of its service builds it. */
export type IncomingFile = {
  filepath?: string;
  getStream?: () => Readable;
  originalFilename?: string | null;
  name?: string | null;
  mimetype?: string | null;
  /** Where Strapi's upload service looks first for the MIME type to store. */
  detectedMimeType?: string;
};

const fileNameOf = (file: IncomingFile): string => file.originalFilename ?? file.name ?? 'unnamed';

const refusal = (fileName: string, detected: DetectedType | undefined, candidates: AllowedUploadType[]) => {
  const content = detected ? `its content was detected as ${detected.mime}` : 'its content is not a recognised file type (HTML, SVG, scripts and other text are not accepted)';
  const ambiguity = candidates.length > 1 ? `, which is accepted only when named ${candidates.flatMap((type) => type.extensions).join(', ')}` : '';
  return new errors.ValidationError(`File "${fileName}" is not allowed: ${content}${ambiguity}. Allowed: ${describeAllowedKinds()}.`, {
    fileName,
    detectedType: detected?.mime ?? null,
    allowedTypes: ALLOWED_UPLOAD_TYPES.map((type) => type.mime),
  });
};

/**
 * Decides from the content alone which allowed type a file is, or throws a `ValidationError`
 * naming the detected type and the allowed kinds. The name only tells apart types whose content
 * looks the same (legacy Office files); it never admits content by itself.
 */
export const checkUploadedFile = async (file: IncomingFile): Promise<AllowedUploadType> => {
  const fileName = fileNameOf(file);
  const detected = await detectFileType(file);
  const candidates = detected ? ALLOWED_UPLOAD_TYPES.filter((type) => type.detectedAs.includes(detected.mime)) : [];
  const extension = path.extname(fileName).toLowerCase();
  const type = candidates.length > 1 ? candidates.find((candidate) => candidate.extensions.includes(extension)) : candidates[0];
  if (!type) throw refusal(fileName, detected, candidates);
  return type;
};

/**
 * Makes the name and the declared type tell the truth about the content: the stored extension decides
 * the Content-Type `/uploads/` serves (a PNG named `.html` would be served as HTML), and Strapi stores
 * the declared or detected MIME type.
 */
export const adoptContentType = (file: IncomingFile, type: AllowedUploadType): void => {
  const fileName = fileNameOf(file);
  const extension = path.extname(fileName);
  if (!type.extensions.includes(extension.toLowerCase())) {
    const base = extension ? fileName.slice(0, -extension.length) : fileName;
    file.originalFilename = `${base}${type.extensions[0]}`;
  }
  file.mimetype = type.mime;
  file.detectedMimeType = type.mime;
};

/** Checks every file (all or nothing) and aligns each one's name and type with its content. */
export const checkUploadedFiles = async (files: IncomingFile | IncomingFile[] | null | undefined): Promise<void> => {
  const list = files == null ? [] : Array.isArray(files) ? files : [files];
  const types: AllowedUploadType[] = [];
  for (const file of list) types.push(await checkUploadedFile(file));
  list.forEach((file, index) => adoptContentType(file, types[index]));
};
