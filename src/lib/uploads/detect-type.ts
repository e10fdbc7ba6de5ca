import type { Readable } from 'stream';

/** What file-type recognised in some content. */
export type DetectedType = { ext: string; mime: string };

type FileTypeModule = {
  fileTypeFromFile: (filePath: string) => Promise<DetectedType | undefined>;
  fileTypeFromStream: (stream: Readable) => Promise<DetectedType | undefined>;
};

type ModuleLoader = { createRequire: (filename: string) => (specifier: string) => unknown };

/**
 * file-type is ESM only and this app compiles to CommonJS. Node's own loader loads it with
 * require(esm) (Node 20.19 and 22.12 onwards). `process.getBuiltinModule` reaches that loader even
 * inside Jest, whose VM would otherwise resolve the package itself (and fail) or, for a dynamic
 * import, hand it to an ESM loader tied to one test file's environment.
 */
const requireWithNodeLoader = (specifier: string): unknown => {
  const loader = (process.getBuiltinModule?.('node:module') ?? require('module')) as ModuleLoader;
  return loader.createRequire(__filename)(specifier);
};

/** A dynamic import that stays one (tsc compiles `import()` to `require()` here), for Node versions without require(esm). */
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let fileType: Promise<FileTypeModule> | undefined;

const importFileType = async (): Promise<FileTypeModule> => {
  try {
    return requireWithNodeLoader('file-type') as FileTypeModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    return (await nativeImport('file-type')) as FileTypeModule;
  }
};

const loadFileType = (): Promise<FileTypeModule> => {
  fileType ??= importFileType().catch((error: unknown) => {
    fileType = undefined;
    throw error;
  });
  return fileType;
};

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
