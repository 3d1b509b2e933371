/**
 * Network endpoints written in configuration text: URLs (`http://mimir.obs.svc:9009/api/v1/push`)
 * and `host:port` pairs (`tempo:4317`, `dns+loki-headless.obs.svc.cluster.local:7946`), with the
 * in-cluster Service each one names, if any:
 * - `<service>.<namespace>.svc[.<cluster domain>]`, optionally behind a pod name
 *   (`tempo-0.tempo-headless.obs.svc`);
 * - `<service>.<namespace>` when `<namespace>` is one the environment uses;
 * - a bare `<service>`, resolved in the namespace of the object that holds the text.
 * Anything else (IP addresses, localhost, external domains) is not an in-cluster Service.
 */
const URL = /\b([a-z][a-z0-9+.-]*):\/\/(?:[^@\s/"'`]*@)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?/g;
const HOST_PORT =
  /(?<=^|[\s"'`=,[(])(?:(?:dns|dnssrv|dnssrvnoa)\+)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*):(\d{1,5})(?=$|[\s"'`,\])/;])/g;

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443 };

export interface Endpoint {
  /** As written, for messages. */
  text: string;
  host: string;
  port?: number;
  /** Offset of the match in the text. */
  offset: number;
}

export interface ServiceTarget {
  service: string;
  namespace: string;
  port?: number;
}

export function findEndpoints(text: string): Endpoint[] {
  const out: Endpoint[] = [];
  for (const match of text.matchAll(URL)) {
    const [whole, scheme, host, port] = match;
    out.push({ text: whole, host: host.toLowerCase(), port: port ? Number(port) : DEFAULT_PORTS[scheme.toLowerCase()], offset: match.index ?? 0 });
  }
  for (const match of text.matchAll(HOST_PORT)) {
    out.push({ text: match[0], host: match[1], port: Number(match[2]), offset: match.index ?? 0 });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function isAddress(host: string): boolean {
  return host === 'localhost' || host.startsWith('[') || /^\d+(?:\.\d+){3}$/.test(host);
}

/**
 * The Service an endpoint names, or undefined when it is not an in-cluster Service name.
 * `namespaces`: the namespaces the environment uses; `own`: the namespace of the holder.
 */
export function serviceTarget(endpoint: Endpoint, own: string, namespaces: ReadonlySet<string>): ServiceTarget | undefined {
  const host = endpoint.host;
  if (isAddress(host)) return undefined;
  const labels = host.split('.');
  const svc = labels.indexOf('svc');
  let service: string;
  let namespace: string;
  if (svc >= 2) {
    service = labels[svc - 2];
    namespace = labels[svc - 1];
  } else if (svc === -1 && labels.length === 1) {
    service = host;
    namespace = own;
  } else if (svc === -1 && labels.length === 2 && namespaces.has(labels[1])) {
    [service, namespace] = labels;
  } else {
    return undefined;
  }
  // Service names are DNS-1035 labels: they start with a letter (which also rules out `12:30`).
  if (!namespaces.has(namespace) || !/^[a-z]/.test(service)) return undefined;
  return { service, namespace, port: endpoint.port };
}

export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
