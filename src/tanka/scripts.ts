/**
 * Tanka's eval scripts for inline environments (pkg/tanka/evaluators.go), kept verbatim apart from
 * the name, which is passed as a properly escaped string (Tanka pastes it unescaped).
 * They compare `kind` exactly (`== 'Environment'`), while the Go-side filter that follows is
 * case-insensitive: both are reproduced.
 */
import { jsonnetString } from './evaluate.js';

/** Listing: every Environment object, with `data` hidden so it is never evaluated. */
export const METADATA_EVAL_SCRIPT = `
local noDataEnv(object) =
  std.prune(
    if std.isObject(object)
    then
      if std.objectHas(object, 'apiVersion')
         && std.objectHas(object, 'kind')
      then
        if object.kind == 'Environment'
        then object { data+:: {} }
        else {}
      else
        std.mapWithKey(
          function(key, obj)
            noDataEnv(obj),
          object
        )
    else if std.isArray(object)
    then
      std.map(
        function(obj)
          noDataEnv(obj),
        object
      )
    else {}
  );

noDataEnv(main)
`;

/** Selection by `--name`: Environments whose name contains `name`; everything else becomes {}. */
export function singleEnvEvalScript(name: string): string {
  return `
local singleEnv(object) =
  if std.isObject(object)
  then
    if std.objectHas(object, 'apiVersion')
       && std.objectHas(object, 'kind')
    then
      if object.kind == 'Environment'
      && std.member(object.metadata.name, ${jsonnetString(name)})
      then object
      else {}
    else
      std.mapWithKey(
        function(key, obj)
          singleEnv(obj),
        object
      )
  else if std.isArray(object)
  then
    std.map(
      function(obj)
        singleEnv(obj),
      object
    )
  else {};

singleEnv(main)
`;
}

/** The ext code inline environments get for `tanka.dev/environment` (inline.go). */
export const INLINE_ENVIRONMENT_EXT_CODE =
  `error "Using tk.env and std.extVar('tanka.dev/environment') is only supported for static environments. Directly access this data using standard Jsonnet instead."`;
