import { describe, expect, it } from "vitest";
import { createUploadStore, safeContentType } from "./uploads";

const tokenOf = (uploadPath: string) => uploadPath.replace("/uploads/", "");

describe("createUploadStore", () => {
  it("stores bytes for an initiated upload and serves them from the file path", () => {
    const store = createUploadStore();
    const { uploadPath, filePath } = store.initiate("image/png", "my cat.png");
    expect(filePath).toMatch(/^\/files\/uploads\/[0-9a-f-]{36}\/my_cat\.png$/);
    expect(store.put(tokenOf(uploadPath), Buffer.from("hello"), undefined)).toBe("stored");
    expect(store.getByPath(filePath)).toEqual({
      bytes: Buffer.from("hello"),
      contentType: "image/png",
    });
  });

  it("prefers the PUT's content type and refuses unknown tokens", () => {
    const store = createUploadStore();
    const { uploadPath, filePath } = store.initiate("image/png", "x");
    store.put(tokenOf(uploadPath), Buffer.from("a"), "text/plain; charset=utf-8");
    expect(store.getByPath(filePath)?.contentType).toBe("text/plain");
    expect(store.put("not-a-token", Buffer.from("a"), undefined)).toBe("unknown");
  });

  it("refuses a file over the per-file limit", () => {
    const store = createUploadStore({ maxFiles: 5, maxTotalBytes: 100, maxFileBytes: 10 });
    const { uploadPath } = store.initiate("text/plain", "x");
    expect(store.put(tokenOf(uploadPath), Buffer.alloc(11), undefined)).toBe("too_large");
    expect(store.stats()).toEqual({ files: 0, totalBytes: 0 });
  });

  it("evicts the oldest files to stay within count and size", () => {
    const store = createUploadStore({ maxFiles: 2, maxTotalBytes: 25, maxFileBytes: 10 });
    const upload = (size: number) => {
      const { uploadPath, filePath } = store.initiate("text/plain", "f");
      store.put(tokenOf(uploadPath), Buffer.alloc(size), undefined);
      return filePath;
    };
    const a = upload(10);
    const b = upload(10);
    const c = upload(10);
    expect(store.getByPath(a)).toBeUndefined();
    expect(store.getByPath(b)).toBeDefined();
    expect(store.getByPath(c)).toBeDefined();
    expect(store.stats()).toEqual({ files: 2, totalBytes: 20 });
    const d = upload(10);
    expect(store.stats()).toEqual({ files: 2, totalBytes: 20 });
    expect(store.getByPath(d)).toBeDefined();
  });

  it("evicts by total size even under the count limit", () => {
    const store = createUploadStore({ maxFiles: 10, maxTotalBytes: 15, maxFileBytes: 10 });
    const first = store.initiate("text/plain", "a");
    store.put(tokenOf(first.uploadPath), Buffer.alloc(10), undefined);
    const second = store.initiate("text/plain", "b");
    store.put(tokenOf(second.uploadPath), Buffer.alloc(10), undefined);
    expect(store.getByPath(first.filePath)).toBeUndefined();
    expect(store.stats()).toEqual({ files: 1, totalBytes: 10 });
  });

  it("replaces bytes on a repeated PUT without double counting", () => {
    const store = createUploadStore();
    const { uploadPath, filePath } = store.initiate("text/plain", "a");
    store.put(tokenOf(uploadPath), Buffer.alloc(4), undefined);
    store.put(tokenOf(uploadPath), Buffer.from("xy"), undefined);
    expect(store.getByPath(filePath)?.bytes.toString()).toBe("xy");
    expect(store.stats()).toEqual({ files: 1, totalBytes: 2 });
  });
});

describe("safeContentType", () => {
  it.each([
    ["image/png", "image/png"],
    ["Image/PNG; q=1", "image/png"],
    ["text/html<script>", "application/octet-stream"],
    [undefined, "application/octet-stream"],
    ["", "application/octet-stream"],
  ])("%j -> %s", (raw, expected) => {
    expect(safeContentType(raw)).toBe(expected);
  });
});
