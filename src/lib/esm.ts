type ModuleLoader = { createRequire: (filename: string) => (specifier: string) => unknown };

/**
 * Loads a package that ships as ES modules only (file-type, feed) from this app, which compiles to
 * CommonJS. Node's own loader loads it with require(esm) (Node 20.19 and 22.12 onwards).
 * `process.getBuiltinModule` reaches that loader even inside Jest, whose VM would otherwise resolve
 * the package itself (and fail) or, for a dynamic import, hand it to an ESM loader tied to one test
 * file's environment.
 */
const requireWithNodeLoader = (specifier: string): unknown => {
  const loader = (process.getBuiltinModule?.('node:module') ?? require('module')) as ModuleLoader;
  return loader.createRequire(__filename)(specifier);
};

/** A dynamic import that stays one (tsc compiles `import()` to `require()` here), for Node versions without require(esm). */
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

const loaded = new Map<string, Promise<unknown>>();

const importModule = async (specifier: string): Promise<unknown> => {
  try {
    return requireWithNodeLoader(specifier);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    return nativeImport(specifier);
  }
};

/**
 * The namespace of an ESM-only package, loaded once per process; a failed load is retried on the
 * next call. `Module` is the caller's description of what it uses (`typeof import('pkg')` or less).
 */
export const loadEsmModule = <Module>(specifier: string): Promise<Module> => {
  let module = loaded.get(specifier);
  if (!module) {
    module = importModule(specifier).catch((error: unknown) => {
      loaded.delete(specifier);
      throw error;
    });
    loaded.set(specifier, module);
  }
  return module as Promise<Module>;
};
