import "server-only";
import { type IdentifyCaller, identifyProxyCaller } from "@/lib/auth/access";
import type { ExtraMediaOrigins } from "@/lib/catalog/media-url";
import { type CatalogModel, catalog } from "@/lib/catalog/models";
import { serverEnv } from "@/lib/env";
import { extraMediaOrigins } from "@/lib/fal/server/emulator-media";
import { type AppStores, appStores } from "@/lib/stores/app-stores";
import { type AuditSink, writeAuditLine } from "./audit-log";

/** The stores the proxy uses: every one but the upload count, which the upload route keeps. */
export type ProxyStores = Omit<AppStores, "uploads">;

/** What the guard enforces, named in one place: the route, the ports and the tests use it. */
export type FalProxyPolicy = {
  /** What may run, with which input, for how much (lib/catalog/models.ts). */
  catalog: readonly CatalogModel[];
  /** Who sends a request: from its session cookie, so it costs almost nothing per call. */
  identify: IdentifyCaller;
  /** Where an input image may live besides fal's media hosts: the emulator's origin, or none. */
  mediaOrigins: ExtraMediaOrigins;
  stores: ProxyStores;
  audit: AuditSink;
  /** The largest request body, in bytes. */
  maxBodyBytes: number;
  /** How long to wait for fal's response headers. */
  upstreamTimeoutMs: number;
  /** How long a status stream may stay open. */
  streamMaxMs: number;
};

type Defaults = { [Part in keyof FalProxyPolicy]: () => FalProxyPolicy[Part] };

// Each part is read only when it is not given, so a test that brings its own stores and limits
// needs no environment, and `next build` never reads it (the route asks on its first request).
const defaults: Defaults = {
  catalog: () => catalog,
  identify: () => identifyProxyCaller,
  mediaOrigins: extraMediaOrigins,
  stores: appStores,
  audit: () => writeAuditLine,
  maxBodyBytes: () => serverEnv().proxy.maxBodyBytes,
  upstreamTimeoutMs: () => serverEnv().proxy.upstreamTimeoutMs,
  streamMaxMs: () => serverEnv().proxy.reads.streamMaxSeconds * 1000,
};

/**
 * This app's policy: the catalog, Auth.js's session, the stores and the limits from the
 * environment. `overrides` replace any part (the tests give their own stores and callers).
 */
export function falProxyPolicy(overrides: Partial<FalProxyPolicy> = {}): FalProxyPolicy {
  const part = <Part extends keyof FalProxyPolicy>(name: Part): FalProxyPolicy[Part] =>
    overrides[name] ?? defaults[name]();
  return {
    catalog: part("catalog"),
    identify: part("identify"),
    mediaOrigins: part("mediaOrigins"),
    stores: part("stores"),
    audit: part("audit"),
    maxBodyBytes: part("maxBodyBytes"),
    upstreamTimeoutMs: part("upstreamTimeoutMs"),
    streamMaxMs: part("streamMaxMs"),
  };
}
