import { afterEach, describe, expect, it, vi } from "vitest";
import { maxUploadBytes, maxUploadSide } from "./image-upload-policy";
import {
  checkImageFile,
  ImageInputError,
  maxSourceBytes,
  renamed,
  shrinkImage,
  shrinkPlan,
} from "./shrink-image";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ImageInputError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("shrinkPlan", () => {
  it.each([
    [
      { width: 4032, height: 3024, type: "image/jpeg" },
      { width: 2048, height: 1536, type: "image/jpeg" },
    ],
    [
      { width: 3000, height: 6000, type: "image/png" },
      { width: 1024, height: 2048, type: "image/png" },
    ],
    [
      { width: 2048, height: 2048, type: "image/webp" },
      { width: 2048, height: 2048, type: "image/webp" },
    ],
    [
      { width: 640, height: 480, type: "image/png" },
      { width: 640, height: 480, type: "image/png" },
    ],
    [
      { width: 10000, height: 3, type: "image/png" },
      { width: 2048, height: 1, type: "image/png" },
    ],
  ])("%o becomes %o", (source, plan) => {
    const result = shrinkPlan(source);
    expect(result).toEqual(plan);
    expect(Math.max(result.width, result.height)).toBeLessThanOrEqual(maxUploadSide);
  });

  it("refuses more pixels than a phone can decode, naming the size", () => {
    expect(refusal(() => shrinkPlan({ width: 10000, height: 8000, type: "image/jpeg" }))).toEqual({
      reason: "too-large",
      message: expect.stringContaining("10000 × 8000 pixels"),
    });
  });

  it("refuses an empty image and a type the app does not take", () => {
    expect(refusal(() => shrinkPlan({ width: 0, height: 10, type: "image/png" })).reason).toBe(
      "unreadable",
    );
    expect(refusal(() => shrinkPlan({ width: 10, height: 10, type: "image/gif" })).reason).toBe(
      "type",
    );
  });
});

describe("checkImageFile", () => {
  it.each(["image/gif", "image/svg+xml", "application/pdf", "image/heic", ""])(
    "refuses %j",
    (type) => {
      const { reason, message } = refusal(() => checkImageFile({ type, size: 10, name: "cat.x" }));
      expect(reason).toBe("type");
      expect(message).toMatch(/^cat\.x is .*: choose a PNG, JPEG or WebP image\.$/);
    },
  );

  it("refuses a file too large to decode, naming its size", () => {
    const { reason, message } = refusal(() =>
      checkImageFile({ type: "image/jpeg", size: maxSourceBytes + 1 }),
    );
    expect(reason).toBe("too-large");
    expect(message).toContain("under 50 MB");
  });

  it("takes png, jpeg and webp", () => {
    for (const type of ["image/png", "image/jpeg", "image/webp"]) {
      expect(() => checkImageFile({ type, size: 1000 })).not.toThrow();
    }
  });
});

describe("renamed", () => {
  it("gives the file the extension of its new type", () => {
    expect(renamed("holiday.JPEG", "image/jpeg")).toBe("holiday.jpg");
    expect(renamed("scan.webp", "image/png")).toBe("scan.png");
    expect(renamed(".png", "image/png")).toBe("image.png");
  });
});

/** Stands in for the browser's decoder and canvas, recording what was asked of them. */
function stubCanvas(
  source: { width: number; height: number },
  encodes: (type: string) => string,
  bytes: (request: { width: number; height: number; type: string }) => number = () => 8,
) {
  const drawn: { width: number; height: number; type?: string; quality?: number } = {
    width: 0,
    height: 0,
  };
  const encoded: string[] = [];
  const close = vi.fn();
  vi.stubGlobal("createImageBitmap", async () => ({ ...source, close }));
  vi.stubGlobal(
    "OffscreenCanvas",
    class {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {
        drawn.width = width;
        drawn.height = height;
      }
      getContext() {
        return {
          drawImage: () => undefined,
          fillRect: () => undefined,
          imageSmoothingQuality: "low",
        };
      }
      async convertToBlob(options: { type: string; quality: number }) {
        drawn.type = options.type;
        drawn.quality = options.quality;
        encoded.push(`${options.type} ${this.width}×${this.height}`);
        const size = bytes({ width: this.width, height: this.height, type: options.type });
        return new Blob([new Uint8Array(size)], { type: encodes(options.type) });
      }
    },
  );
  return { drawn, encoded, close };
}

describe("shrinkImage", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("draws at the planned size and re-encodes to the same type", async () => {
    const { drawn, close } = stubCanvas({ width: 4096, height: 2048 }, (type) => type);
    const { file: out, ...size } = await shrinkImage(
      new File([new Uint8Array(4)], "photo.jpeg", { type: "image/jpeg" }),
    );
    expect(drawn).toEqual({ width: 2048, height: 1024, type: "image/jpeg", quality: 0.9 });
    expect(size).toEqual({ width: 2048, height: 1024 });
    expect(out.type).toBe("image/jpeg");
    expect(out.name).toBe("photo.jpg");
    expect(close).toHaveBeenCalled();
  });

  it("sends PNG when the browser cannot encode the type", async () => {
    stubCanvas({ width: 100, height: 100 }, () => "image/png");
    const { file: out } = await shrinkImage(
      new File([new Uint8Array(4)], "a.webp", { type: "image/webp" }),
    );
    expect(out.type).toBe("image/png");
    expect(out.name).toBe("a.png");
  });

  it("says so when the browser cannot decode the file", async () => {
    vi.stubGlobal("createImageBitmap", async () => {
      throw new Error("decode failed");
    });
    const file = new File([new Uint8Array(4)], "broken.png", { type: "image/png" });
    await expect(shrinkImage(file)).rejects.toMatchObject({
      reason: "unreadable",
      message: "broken.png could not be read as an image.",
    });
  });

  it("sends a PNG too large to upload as the first smaller file that fits, with its size", async () => {
    const { encoded } = stubCanvas(
      { width: 4096, height: 2048 },
      (type) => type,
      ({ type, width }) => (type === "image/png" || width === 2048 ? maxUploadBytes + 1 : 1000),
    );
    const { file: out, ...size } = await shrinkImage(
      new File([new Uint8Array(4)], "photo.png", { type: "image/png" }),
    );
    expect(encoded).toEqual([
      "image/png 2048×1024",
      "image/webp 2048×1024",
      "image/jpeg 2048×1024",
      "image/webp 1536×768",
    ]);
    expect(size).toEqual({ width: 1536, height: 768 });
    expect(out).toMatchObject({ type: "image/webp", name: "photo.webp", size: 1000 });
  });

  it("refuses, in words, an image that no smaller drawing makes small enough", async () => {
    const { close } = stubCanvas(
      { width: 100, height: 100 },
      (type) => type,
      () => maxUploadBytes + 1,
    );
    const file = new File([new Uint8Array(4)], "noise.png", { type: "image/png" });
    await expect(shrinkImage(file)).rejects.toMatchObject({
      reason: "too-large",
      message: "noise.png could not be made small enough to upload: at most 4 MB.",
    });
    expect(close).toHaveBeenCalled();
  });
});
