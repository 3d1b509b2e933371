/**
 * File names of exported manifests (pkg/tanka/export.go `createTemplate`, `replaceTmplText`,
 * `applyTemplate`): a Go text/template with sprig's functions and `env`, executed on each manifest.
 * A `/` written in the template's text makes a subdirectory; a `/` inside a rendered value becomes
 * `-`. Tanka does this by turning the text's `/` into BEL before parsing and back afterwards.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import { parseGoTemplate, type GoTemplate } from '../tanka/natives/go-template.js';
import { ExportError } from './errors.js';

/** `tk export`'s default `--format`. */
export const DEFAULT_EXPORT_FORMAT = '{{.apiVersion}}.{{.kind}}-{{or .metadata.name .metadata.generateName}}';

/** `tanka.BelRune`: stands for a directory separator while the template runs. */
export const BEL = '\u0007';

/**
 * `replaceTmplText`: replaces `from` with `to` in the template's text but not inside `{{ }}`
 * actions. Like Tanka's, an unbalanced `}}` before the next `{{` ends the scan, so the rest counts as
 * text.
 */
export function replaceTemplateText(template: string, from: string, to: string): string {
  const parts: string[] = [];
  let s = template;
  let l = s.indexOf('{{');
  let r = s.indexOf('}}') + 2;
  while (l !== -1 && l < r) {
    parts.push(s.slice(0, l).split(from).join(to), s.slice(l, r));
    s = s.slice(r);
    l = s.indexOf('{{');
    r = s.indexOf('}}') + 2;
  }
  parts.push(s.split(from).join(to));
  return parts.join('');
}

export interface FileNameTemplate {
  readonly format: string;
  /** The manifest's path below the output directory, without the extension. */
  render(manifest: JsonObject): string;
}

/**
 * Parses `format` for one environment; `env` is what the template's `env` function returns (the
 * environment object without its data). Parse errors read `parsing format: …`.
 */
export function compileFileNameTemplate(format: string, env: JsonObject): FileNameTemplate {
  let template: GoTemplate;
  try {
    template = parseGoTemplate(replaceTemplateText(format, '/', BEL), {
      manifestFunctions: { env: (): JsonValue => env },
    });
  } catch (error) {
    throw new ExportError(`parsing format: ${(error as Error).message}`);
  }
  return {
    format,
    render(manifest: JsonObject): string {
      let name: string;
      try {
        name = template.execute(manifest);
      } catch (error) {
        throw new ExportError(`executing name template: ${(error as Error).message}`);
      }
      return name.split('/').join('-').split(BEL).join('/');
    },
  };
}
