import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  cgbiPng,
  jpegWithDecoyFrame,
  phonePhoto,
  pngDeclaring,
  pngWithDecoyHeader,
  solidImage,
  truncated,
} from "../../tooling/testing/crafted-images";
import { decodeImage, storedFileName } from "./decode-image";
import type { AcceptedImageType } from "./image-upload-policy";

async function refusalOf(bytes: Buffer, declared: AcceptedImageType = "image/png") {
  try {
    await decodeImage(bytes, declared);
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}: ${error.message}`;
    throw error;
  }
  return "accepted";
}

const undecodable = /^400 invalid_upload: The image could not be decoded cleanly/;

describe("decodeImage: what fal is given is what the pixels are", () => {
  it.each([
    ["png", "image/png"],
    ["jpeg", "image/jpeg"],
    ["webp", "image/webp"],
  ] as const)(
    "re-encodes a clean %s in its own format, with its decoded size",
    async (format, type) => {
      const image = await decodeImage(await solidImage(300, 200, format), type);
      expect(image).toMatchObject({ contentType: type, width: 300, height: 200 });
      const written = await sharp(image.bytes).metadata();
      expect([written.format, written.width, written.height]).toEqual([format, 300, 200]);
    },
  );

  it("charges a JPEG's decoded size, not a decoy frame header in an APP segment", async () => {
    const decoy = jpegWithDecoyFrame(await solidImage(1500, 1000, "jpeg"));
    const image = await decodeImage(decoy, "image/jpeg");
    expect([image.width, image.height]).toEqual([1500, 1000]);
    // Written again by the server: the decoy is not in what fal reads.
    expect(image.bytes.includes(decoy.subarray(2, 25))).toBe(false);
  });

  it("refuses a decoy JPEG whose real frame is over the limit, naming the real size", async () => {
    const decoy = jpegWithDecoyFrame(await solidImage(3000, 3000, "jpeg"));
    expect(await refusalOf(decoy, "image/jpeg")).toBe(
      "400 invalid_upload: The image is 3000 × 3000 pixels; at most 2048 pixels a side is accepted.",
    );
  });

  it.each([
    ["a PNG whose first chunk is CgBI, not IHDR", async () => cgbiPng(await solidImage(40, 30))],
    [
      "a PNG whose first chunk is a decoy IHDR",
      async () => pngWithDecoyHeader(await solidImage(3000, 3000)),
    ],
    ["a truncated PNG", async () => truncated(await solidImage(400, 300))],
  ])("refuses %s", async (_, build) => {
    expect(await refusalOf(await build())).toMatch(undecodable);
  });

  it("refuses a truncated JPEG (libjpeg only warns: warnings fail)", async () => {
    const cut = truncated(await solidImage(800, 600, "jpeg"));
    expect(await refusalOf(cut, "image/jpeg")).toMatch(undecodable);
  });

  it("refuses a decompression bomb from its header, without decoding it", async () => {
    const bomb = pngDeclaring(50_000);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = process.memoryUsage().rss;
    expect(await refusalOf(bomb)).toBe(
      "400 invalid_upload: The image is 50000 × 50000 pixels; at most 2048 pixels a side is accepted.",
    );
    // Decoding would need 7.5 GB; the refusal needs next to nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it.each([
    ["HTML", Buffer.from("<!doctype html><script>alert(1)</script>")],
    ["an SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')],
    ["a Windows executable", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)])],
    ["nothing", Buffer.alloc(0)],
  ])("refuses %s declared as a PNG, before any decoder runs", async (_, bytes) => {
    expect(await refusalOf(bytes)).toBe(
      "415 unsupported_upload_type: Only PNG, JPEG and WebP images can be uploaded (image/png, image/jpeg, image/webp).",
    );
  });

  it("refuses a GIF, which libvips could read but the app does not take", async () => {
    expect(await refusalOf(await solidImage(10, 10, "gif"))).toMatch(
      /^415 unsupported_upload_type/,
    );
  });

  it("refuses an image sent as another type than it is", async () => {
    expect(await refusalOf(await solidImage(10, 10, "jpeg"), "image/png")).toBe(
      "400 invalid_upload: The file is a JPEG image but was sent as image/png.",
    );
  });

  it("drops what follows the image: a PNG with HTML after its end reaches fal as a PNG alone", async () => {
    const polyglot = Buffer.concat([await solidImage(20, 20), Buffer.from("<html>hi</html>")]);
    const image = await decodeImage(polyglot, "image/png");
    expect(image.bytes.includes(Buffer.from("<html>"))).toBe(false);
  });

  it("drops a phone photo's EXIF (its GPS position) and keeps it upright", async () => {
    const photo = await phonePhoto(300, 200, 6);
    expect((await sharp(photo).metadata()).exif?.includes(Buffer.from("PhoneCo"))).toBe(true);
    const image = await decodeImage(photo, "image/jpeg");
    const written = await sharp(image.bytes).metadata();
    expect(written.exif).toBeUndefined();
    expect(written.orientation).toBeUndefined();
    // Orientation 6 is a quarter turn: the upright picture is 200 wide, 300 high.
    expect([image.width, image.height]).toEqual([200, 300]);
    expect([written.width, written.height]).toEqual([200, 300]);
  });
});

describe("storedFileName", () => {
  it("names the file after what it is, never after what the browser called it", () => {
    expect(storedFileName({ contentType: "image/jpeg" }, "f00")).toBe("f00.jpg");
    expect(storedFileName({ contentType: "image/png" }, "f00")).toBe("f00.png");
    expect(storedFileName({ contentType: "image/webp" }, "f00")).toBe("f00.webp");
  });
});
