/**
 * In-memory stand-in for fal's CDN upload: initiate hands out a write URL and a read URL,
 * the bytes arrive with a PUT. Everything is bounded and the oldest entries go first, so a
 * long test session cannot grow the process without limit.
 */
import { randomUUID } from "node:crypto";

export type StoredFile = {
  bytes: Buffer;
  contentType: string;
};

export type UploadLimits = {
  maxFiles: number;
  maxTotalBytes: number;
  maxFileBytes: number;
};

export const defaultUploadLimits: UploadLimits = {
  maxFiles: 200,
  maxTotalBytes: 200 * 1024 * 1024,
  maxFileBytes: 50 * 1024 * 1024,
};

type PendingUpload = {
  fileId: string;
  contentType: string;
};

export const uploadPathPrefix = "/uploads/";
export const filePathPrefix = "/files/uploads/";
const contentTypePattern = /^[\w.+-]+\/[\w.+-]+$/;

export function safeContentType(raw: unknown): string {
  const base = typeof raw === "string" ? raw.split(";")[0]?.trim().toLowerCase() : undefined;
  return base && contentTypePattern.test(base) ? base : "application/octet-stream";
}

function safeFileName(raw: unknown): string {
  const name = typeof raw === "string" ? raw.replace(/[^A-Za-z0-9._-]/g, "_").slice(-100) : "";
  return name.replace(/^\.+/, "") || "file";
}

export type UploadOutcome = "stored" | "unknown" | "too_large";

export type UploadStore = {
  limits: UploadLimits;
  /** Returns the paths (relative to the public origin) of the write and read URLs. */
  initiate(contentType: unknown, fileName: unknown): { uploadPath: string; filePath: string };
  has(token: string): boolean;
  /** Stores the bytes for an initiated upload; a repeated PUT replaces the earlier bytes. */
  put(token: string, bytes: Buffer, contentType: unknown): UploadOutcome;
  /** Looks a file up from a read path (`/files/uploads/<id>/<name>`). */
  getByPath(pathname: string): StoredFile | undefined;
  stats(): { files: number; totalBytes: number };
};

export function createUploadStore(limits: UploadLimits = defaultUploadLimits): UploadStore {
  const pending = new Map<string, PendingUpload>();
  const files = new Map<string, StoredFile>();
  let totalBytes = 0;

  const remove = (fileId: string) => {
    const existing = files.get(fileId);
    if (!existing) return;
    totalBytes -= existing.bytes.length;
    files.delete(fileId);
  };

  return {
    limits,
    initiate(contentType, fileName) {
      const token = randomUUID();
      const fileId = randomUUID();
      pending.set(token, { fileId, contentType: safeContentType(contentType) });
      while (pending.size > limits.maxFiles) {
        const oldest = pending.keys().next().value;
        if (oldest === undefined) break;
        pending.delete(oldest);
      }
      return {
        uploadPath: `${uploadPathPrefix}${token}`,
        filePath: `${filePathPrefix}${fileId}/${safeFileName(fileName)}`,
      };
    },
    has: (token) => pending.has(token),
    put(token, bytes, contentType) {
      const upload = pending.get(token);
      if (!upload) return "unknown";
      if (bytes.length > limits.maxFileBytes) return "too_large";
      const type = contentType === undefined ? upload.contentType : safeContentType(contentType);
      remove(upload.fileId);
      files.set(upload.fileId, { bytes, contentType: type });
      totalBytes += bytes.length;
      for (const id of files.keys()) {
        const fits = files.size <= limits.maxFiles && totalBytes <= limits.maxTotalBytes;
        if (fits || id === upload.fileId) break;
        remove(id);
      }
      return "stored";
    },
    getByPath(pathname) {
      if (!pathname.startsWith(filePathPrefix)) return undefined;
      const fileId = pathname.slice(filePathPrefix.length).split("/")[0] ?? "";
      return files.get(fileId);
    },
    stats: () => ({ files: files.size, totalBytes }),
  };
}
