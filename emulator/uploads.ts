/**
 * In-memory stand-in for fal's CDN upload: initiate hands out a write URL and a read URL,
 * the bytes arrive with a PUT. Everything is bounded and the oldest entries go first, so a
 * long test session cannot grow the process without limit.
 */
import { randomUUID } from "node:crypto";

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface UploadLimits {
  maxFiles: number;
  maxTotalBytes: number;
  maxFileBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFiles: 200,
  maxTotalBytes: 200 * 1024 * 1024,
  maxFileBytes: 50 * 1024 * 1024,
};

interface PendingUpload {
  fileId: string;
  contentType: string;
}

export const UPLOAD_PATH_PREFIX = "/uploads/";
export const FILE_PATH_PREFIX = "/files/uploads/";
const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

export function safeContentType(raw: unknown): string {
  const base = typeof raw === "string" ? raw.split(";")[0]?.trim().toLowerCase() : undefined;
  return base && CONTENT_TYPE.test(base) ? base : "application/octet-stream";
}

function safeFileName(raw: unknown): string {
  const name = typeof raw === "string" ? raw.replace(/[^A-Za-z0-9._-]/g, "_").slice(-100) : "";
  return name.replace(/^\.+/, "") || "file";
}

export class UploadStore {
  private readonly pending = new Map<string, PendingUpload>();
  private readonly files = new Map<string, StoredFile>();
  private totalBytes = 0;

  constructor(readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {}

  /** Returns the paths (relative to the public origin) of the write and read URLs. */
  initiate(contentType: unknown, fileName: unknown): { uploadPath: string; filePath: string } {
    const token = randomUUID();
    const fileId = randomUUID();
    this.pending.set(token, { fileId, contentType: safeContentType(contentType) });
    while (this.pending.size > this.limits.maxFiles) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    return {
      uploadPath: `${UPLOAD_PATH_PREFIX}${token}`,
      filePath: `${FILE_PATH_PREFIX}${fileId}/${safeFileName(fileName)}`,
    };
  }

  has(token: string): boolean {
    return this.pending.has(token);
  }

  /** Stores the bytes for an initiated upload; a repeated PUT replaces the earlier bytes. */
  put(token: string, bytes: Buffer, contentType: unknown): "stored" | "unknown" | "too_large" {
    const pending = this.pending.get(token);
    if (!pending) return "unknown";
    if (bytes.length > this.limits.maxFileBytes) return "too_large";
    const type = contentType === undefined ? pending.contentType : safeContentType(contentType);
    this.remove(pending.fileId);
    this.files.set(pending.fileId, { bytes, contentType: type });
    this.totalBytes += bytes.length;
    for (const id of this.files.keys()) {
      const fits =
        this.files.size <= this.limits.maxFiles && this.totalBytes <= this.limits.maxTotalBytes;
      if (fits || id === pending.fileId) break;
      this.remove(id);
    }
    return "stored";
  }

  /** Looks a file up from a read path (`/files/uploads/<id>/<name>`). */
  getByPath(pathname: string): StoredFile | undefined {
    if (!pathname.startsWith(FILE_PATH_PREFIX)) return undefined;
    const fileId = pathname.slice(FILE_PATH_PREFIX.length).split("/")[0] ?? "";
    return this.files.get(fileId);
  }

  stats(): { files: number; totalBytes: number } {
    return { files: this.files.size, totalBytes: this.totalBytes };
  }

  private remove(fileId: string): void {
    const existing = this.files.get(fileId);
    if (!existing) return;
    this.totalBytes -= existing.bytes.length;
    this.files.delete(fileId);
  }
}
