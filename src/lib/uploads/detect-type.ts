import type { Readable } from 'stream';
import { loadEsmModule } from '../esm';

/** What file-type recognised in some content. */
export type DetectedType = { ext: string; mime: string };

type FileTypeModule = {
  fileTypeFromFile: (filePath: string) => Promise<DetectedType | undefined>;
  fileTypeFromStream: (stream: Readable) => Promise<DetectedType | undefined>;
};

/** file-type is ESM only: loaded through Node's own loader (see ../esm.ts). */
const loadFileType = (): Promise<FileTypeModule> => loadEsmModule<FileTypeModule>('file-type');

/** An error of the file system (missing file, no permission) rather than of the content being parsed. */
const isSystemError = (error: unknown): boolean => typeof (error as NodeJS.ErrnoException)?.syscall === 'string';

/**
 * The type file-type recognises in the content of a file (by path, or from a fresh stream), or
 * `undefined` when it recognises none, which is the case of every text format (HTML, SVG, scripts).
 * Malformed content that trips the parser is unrecognised too, never an error.
 */
export const detectFileType = async (source: { filepath?: string; getStream?: () => Readable }): Promise<DetectedType | undefined> => {
  const { fileTypeFromFile, fileTypeFromStream } = await loadFileType();
  try {
    if (source.filepath) return await fileTypeFromFile(source.filepath);
    if (source.getStream) return await fileTypeFromStream(source.getStream());
  } catch (error) {
    if (isSystemError(error)) throw error;
  }
  return undefined;
};
