import { checkUploadedFile, checkUploadedFiles, type IncomingFile } from './check-upload';

type ServiceMethod = (...args: never[]) => unknown;
export type UploadService = Record<string, unknown>;

/** A file already formatted for storage (what the upload service's image helpers take). */
type FormattedFile = IncomingFile & { ext?: string; mime?: string };

/**
 * The methods of Strapi 5.54's upload service that write a file to storage, each with the check of
 * its file arguments. Every other method is listed in `NON_STORING_METHODS`; a test fails when
 * Strapi adds a method that is in neither list.
 */
const STORING_METHODS = {
  /** upload({ data, files }, opts): media library uploads (admin, content API, upload from URLs, radio audio). */
  upload: async (args: unknown[]) => checkUploadedFiles((args[0] as { files?: IncomingFile | IncomingFile[] } | undefined)?.files),
  /** replace(id, { data, file }, opts): new bytes under an existing file's URL. */
  replace: async (args: unknown[]) => checkUploadedFiles((args[1] as { file?: IncomingFile } | undefined)?.file),
  /** _uploadImage(fileData) and _replaceImage(fileData, oldFile): exposed by Strapi "for testing", they store too. */
  _uploadImage: async (args: unknown[]) => checkFormattedFile(args[0] as FormattedFile),
  _replaceImage: async (args: unknown[]) => checkFormattedFile(args[0] as FormattedFile),
} as const;

export const GUARDED_METHODS = Object.keys(STORING_METHODS);

/** Methods that read, describe or delete files, or only change their metadata. */
export const NON_STORING_METHODS = [
  'formatFileInfo',
  'updateFileInfo',
  'findOne',
  'findMany',
  'findPage',
  'findAndCountPage',
  'remove',
  'getSettings',
  'setSettings',
  'getConfiguration',
  'setConfiguration',
  '_queueConcurrentOperation',
];

const checkFormattedFile = async (fileData: FormattedFile): Promise<void> => {
  const type = await checkUploadedFile(fileData);
  fileData.mime = type.mime;
  if (!type.extensions.includes((fileData.ext ?? '').toLowerCase())) fileData.ext = type.extensions[0];
};

/**
 * Wraps the storing methods of the upload service so that whoever calls it (a controller, a plugin,
 * a background job) cannot store a file whose content is not an allowed type.
 */
export const guardUploadService = <T extends UploadService>(service: T): T => {
  const guarded: UploadService = { ...service };
  for (const [name, check] of Object.entries(STORING_METHODS)) {
    const original = service[name];
    if (typeof original !== 'function') continue;
    guarded[name] = async (...args: unknown[]) => {
      await check(args);
      // Passed through untouched: the arguments are the caller's, typed by the upload service itself.
      return (original as ServiceMethod)(...(args as never[]));
    };
  }
  return guarded as T;
};
