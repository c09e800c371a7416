import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import type { Access } from "@/lib/auth/access";
import type { FalStorage, FileForFal } from "@/lib/fal/server/fal-storage";
import type { AuditEntry } from "@/lib/proxy/audit-log";
import { memoryMediaOwnership } from "@/lib/stores/media-ownership";
import { createUploadCounter } from "@/lib/stores/upload-counter";
import {
  phonePhoto,
  pngDeclaring,
  solidImage,
  truncated,
} from "../../tooling/testing/crafted-images";
import { refusalOf, users } from "../../tooling/testing/guard-kit";
import { imageUploadPath } from "./image-upload-policy";
import { handleImageUpload, type UploadedImage } from "./image-upload-route";

function uploadKit({ perDay = 3, answer = "stored" as "stored" | number } = {}) {
  const stored: FileForFal[] = [];
  const storage = vi.fn<FalStorage>(async (file) => {
    stored.push(file);
    if (answer !== "stored") return { falStatus: answer };
    return { url: `https://v3.fal.media/files/kit/${file.fileName}` };
  });
  const audit: AuditEntry[] = [];
  const media = memoryMediaOwnership();
  const config = {
    identify: async () => users.ada as Access,
    uploads: createUploadCounter({ perDay }),
    media,
    storage,
    audit: (entry: AuditEntry) => audit.push(entry),
  };
  const send = (bytes: Buffer, type = "image/png", as: Access = users.ada) =>
    handleImageUpload(
      { ...config, identify: async () => as },
      new Request(`http://localhost${imageUploadPath}`, {
        method: "POST",
        headers: { "content-type": type },
        body: new Uint8Array(bytes),
      }),
    );
  return { send, stored, storage, audit, media };
}

describe("the upload route", () => {
  it("stores the decoded image at fal under the server's name and records it as the user's", async () => {
    const kit = uploadKit();
    const response = await kit.send(await phonePhoto(300, 200, 6), "image/jpeg");
    expect(response.status).toBe(200);
    const uploaded = (await response.json()) as UploadedImage;
    expect(uploaded).toEqual({
      url: expect.stringMatching(/^https:\/\/v3\.fal\.media\/files\/kit\/[0-9a-f-]{36}\.jpg$/),
      width: 200,
      height: 300,
    });
    // fal got the server's file: upright, without EXIF; the answer holds no upload URL.
    const [file] = kit.stored;
    expect(file?.contentType).toBe("image/jpeg");
    expect((await sharp(file?.bytes).metadata()).exif).toBeUndefined();
    expect(Object.keys(uploaded).sort()).toEqual(["height", "url", "width"]);
    // Ada may give it to a model, at its decoded size; Bob may not.
    expect(await kit.media.find(users.ada.user.id, uploaded.url)).toEqual(uploaded);
    expect(await kit.media.find(users.bob.user.id, uploaded.url)).toBeUndefined();
    expect(kit.audit).toEqual([
      expect.objectContaining({ user: "oidc:ada", operation: "upload", status: 200, error: null }),
    ]);
  });

  it.each([
    ["invoice.html", Buffer.from("<!doctype html><h1>Invoice</h1>"), "image/png", 415],
    ["setup.exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512)]), "image/png", 415],
    ["logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "image/png", 415],
  ])("refuses %s declared as an image, and stores nothing", async (_, bytes, type, status) => {
    const kit = uploadKit();
    expect((await kit.send(bytes, type)).status).toBe(status);
    expect(kit.storage).not.toHaveBeenCalled();
  });

  it("refuses a type the app does not take, an image over the size limit, a bomb and a damaged file", async () => {
    const kit = uploadKit({ perDay: 10 });
    const cases: [Buffer, string, number, string][] = [
      [await solidImage(10, 10, "gif"), "image/gif", 415, "unsupported_upload_type"],
      [await solidImage(10, 10), "text/html", 415, "unsupported_upload_type"],
      [await solidImage(3000, 1000), "image/png", 400, "invalid_upload"],
      [pngDeclaring(), "image/png", 400, "invalid_upload"],
      [truncated(await solidImage(500, 500, "jpeg")), "image/jpeg", 400, "invalid_upload"],
      [await solidImage(10, 10, "jpeg"), "image/png", 400, "invalid_upload"],
      [Buffer.alloc(4 * 1024 * 1024 + 1), "image/png", 413, "payload_too_large"],
    ];
    for (const [bytes, type, status, code] of cases) {
      expect(await refusalOf(await kit.send(bytes, type))).toMatchObject({ status, code });
    }
    expect(kit.storage).not.toHaveBeenCalled();
  });

  it("refuses signed-out and unlisted callers before reading anything", async () => {
    const kit = uploadKit();
    const png = await solidImage(10, 10);
    expect((await kit.send(png, "image/png", users.signedOut)).status).toBe(401);
    expect((await kit.send(png, "image/png", users.stranger)).status).toBe(403);
    expect(kit.storage).not.toHaveBeenCalled();
  });

  it("counts refused uploads too: a user cannot make the server decode without limit", async () => {
    const kit = uploadKit({ perDay: 3 });
    const damaged = truncated(await solidImage(500, 500));
    for (let n = 0; n < 3; n++) expect((await kit.send(damaged)).status).toBe(400);
    const refused = await refusalOf(await kit.send(await solidImage(10, 10)));
    expect(refused).toMatchObject({ status: 429, code: "upload_limit_reached" });
    expect(kit.storage).not.toHaveBeenCalled();
  });

  it("gives the upload back when fal answers 5xx, but not after a 4xx", async () => {
    const png = await solidImage(10, 10);
    const down = uploadKit({ perDay: 1, answer: 503 });
    for (let n = 0; n < 3; n++) {
      expect(await refusalOf(await down.send(png))).toMatchObject({
        status: 502,
        code: "upstream_unreachable",
        message: "The image could not be stored. Try again.",
      });
    }
    const refusing = uploadKit({ perDay: 1, answer: 400 });
    expect((await refusing.send(png)).status).toBe(502);
    expect((await refusing.send(png)).status).toBe(429);
  });
});
