/**
 * Tanka's importer chain (pkg/jsonnet/implementations/goimpl/importer.go): the built-in `tk` library
 * first, whatever files exist, then the ordinary file importer (the importing file's directory, then
 * the library paths), which the engine does when this returns undefined.
 */
import type { Importer } from '../engine/types.js';

/** Where Tanka says the built-in library was found. */
export const TK_LIBRARY_PATH = '<internal>/tk.libsonnet';

const TK_LIBRARY = '{\n  env: std.extVar("tanka.dev/environment"),\n}\n';

export const tankaImporter: Importer = (_dir, path) =>
  path === 'tk' ? { foundHere: TK_LIBRARY_PATH, content: TK_LIBRARY } : undefined;
