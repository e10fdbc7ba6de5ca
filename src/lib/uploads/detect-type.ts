import type { Readable } from 'stream';

/** What file-type recognised in some content. */
export type DetectedType = { ext: string; mime: string };

type FileTypeModule = {
  fileTypeFromFile: (filePath: string) => Promise<DetectedType | undefined>;
  fileTypeFromStream: (stream: Readable) => Promise<DetectedType | undefined>;
};

type ModuleLoader = { createRequire: (filename: string) => (specifier: string) => unknown };

/** A dynamic import that stays one: tsc compiles `import()` to `require()` in this CommonJS build, and file-type is ESM only. */
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/**
 * Jest runs the app in a VM that refuses dynamic imports unless Node runs with
 * --experimental-vm-modules (`npm test` sets it). Without it, Node's own loader, which
 * `process.getBuiltinModule` reaches past Jest's module registry, loads the package with require(esm).
 */
const requireWithNodeLoader = (specifier: string): unknown =>
  (process.getBuiltinModule('node:module') as ModuleLoader).createRequire(__filename)(specifier);

let fileType: Promise<FileTypeModule> | undefined;

const loadFileType = (): Promise<FileTypeModule> => {
  fileType ??= nativeImport('file-type')
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG') throw error;
      return requireWithNodeLoader('file-type');
    })
    .then((loaded) => loaded as FileTypeModule)
    .catch((error: unknown) => {
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
