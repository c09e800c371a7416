import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encode as encodeJpeg } from "jpeg-js";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createImageProbe, defaultImageProbeLimits } from "./input-image-size";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A local stand-in for a media host: each test says what a path answers. */
async function mediaServer() {
  const routes = new Map<string, Handler>();
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(request.url ?? "");
    const handler = routes.get(request.url ?? "");
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serve = (path: string, handler: Handler) => {
    routes.set(path, handler);
    return `${origin}${path}`;
  };
  const bytes = (path: string, body: Buffer) => serve(path, (_, res) => res.end(body));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { origin, seen, serve, bytes, close };
}

const png = (width: number, height: number) =>
  PNG.sync.write(Object.assign(new PNG({ width, height }), {}), { colorType: 2 });
/** Only a PNG's signature and header chunk: enough to state a size nobody has to draw. */
const pngHeader = (width: number, height: number) => {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "latin1");
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.set([8, 2, 0, 0, 0], 24);
  return header;
};
const jpeg = (width: number, height: number) =>
  encodeJpeg({ data: Buffer.alloc(width * height * 4, 128), width, height }, 80).data;
const webpHeader = (width: number, height: number) => {
  const bytes = Buffer.alloc(30);
  bytes.write("RIFF", 0, "latin1");
  bytes.writeUInt32LE(22, 4);
  bytes.write("WEBPVP8X", 8, "latin1");
  bytes.writeUInt32LE(10, 16);
  bytes.writeUIntLE(width - 1, 24, 3);
  bytes.writeUIntLE(height - 1, 27, 3);
  return bytes;
};
const gif = Buffer.from("GIF89a\x40\x00\x30\x00\x00\x00\x00;", "latin1");

let media: Awaited<ReturnType<typeof mediaServer>>;
let elsewhere: Awaited<ReturnType<typeof mediaServer>>;
beforeAll(async () => {
  media = await mediaServer();
  elsewhere = await mediaServer();
});
afterAll(async () => {
  await media.close();
  await elsewhere.close();
});

const probe = (limits = {}) =>
  createImageProbe([media.origin], { ...defaultImageProbeLimits, ...limits });

async function refusal(url: string, limits = {}) {
  const error = await probe(limits)(url).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return {
    status: error.status,
    code: error.code,
    field: error.extras.field,
    message: error.message,
  };
}

describe("reading an input image's size before charging for it", () => {
  it("reads a PNG, a JPEG and a WebP", async () => {
    expect(await probe()(media.bytes("/files/a.png", png(640, 480)))).toEqual({
      width: 640,
      height: 480,
      type: "png",
    });
    expect(await probe()(media.bytes("/files/b.jpg", jpeg(300, 200)))).toEqual({
      width: 300,
      height: 200,
      type: "jpg",
    });
    expect(await probe()(media.bytes("/files/c.webp", webpHeader(2048, 1536)))).toEqual({
      width: 2048,
      height: 1536,
      type: "webp",
    });
  });

  it("refuses an image larger than the catalog accepts, naming its size", async () => {
    expect(await refusal(media.bytes("/files/big.png", pngHeader(2049, 1000)))).toEqual({
      status: 400,
      code: "invalid_input",
      field: "image_url",
      message:
        "The image at image_url is 2049 × 1000 pixels; at most 2048 pixels a side is accepted.",
    });
  });

  it.each([
    ["a GIF", gif],
    ["text", Buffer.from("<html>not an image</html>")],
    ["nothing", Buffer.alloc(0)],
  ])("refuses %s: only PNG, JPEG and WebP", async (_, body) => {
    const url = media.bytes(`/files/${encodeURIComponent(String(_))}`, body);
    expect(await refusal(url)).toMatchObject({
      status: 400,
      field: "image_url",
      message: "image_url must point at a PNG, JPEG or WebP image.",
    });
  });

  it("refuses what it cannot fetch: a missing file, no answer in time", async () => {
    expect((await refusal(`${media.origin}/files/missing.png`)).message).toBe(
      "The image at image_url could not be read (it answered 404).",
    );
    const silent = media.serve("/files/silent.png", () => {});
    expect((await refusal(silent, { timeoutMs: 200 })).message).toBe(
      "The image at image_url could not be read (no answer in time).",
    );
  });

  it("reads no more than its byte limit of an endless body", async () => {
    let written = 0;
    let closed = false;
    const endless = media.serve("/files/endless.png", (request, response) => {
      const chunk = Buffer.alloc(16 * 1024);
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) written += chunk.length;
      };
      response.on("drain", pump);
      request.socket.on("close", () => {
        closed = true;
      });
      pump();
    });
    expect(await refusal(endless, { maxBytes: 64 * 1024 })).toMatchObject({
      message: "image_url must point at a PNG, JPEG or WebP image.",
    });
    await expect.poll(() => closed).toBe(true);
    // What the server managed to write before the probe hung up: the limit plus socket buffers.
    expect(written).toBeLessThan(8 * 1024 * 1024);
  });

  it("follows a redirect only to another accepted media URL", async () => {
    const target = media.bytes("/files/target.png", png(100, 50));
    const hop = media.serve("/files/hop.png", (_, res) =>
      res.writeHead(302, { location: target }).end(),
    );
    expect(await probe()(hop)).toMatchObject({ width: 100, height: 50 });

    const foreign = elsewhere.bytes("/files/x.png", png(10, 10));
    const away = media.serve("/files/away.png", (_, res) =>
      res.writeHead(302, { location: foreign }).end(),
    );
    expect((await refusal(away)).message).toBe(
      "The image at image_url could not be read (it leads off fal's media hosts).",
    );
    const loop = media.serve("/files/loop.png", (_, res) =>
      res.writeHead(302, { location: "/files/loop.png" }).end(),
    );
    expect((await refusal(loop)).message).toMatch(/too many redirects/);
    expect(elsewhere.seen).toEqual([]);
  });

  it("fetches nothing from a URL off the accepted hosts", async () => {
    const foreign = elsewhere.bytes("/files/y.png", png(10, 10));
    expect(await refusal(foreign)).toMatchObject({ status: 400, field: "image_url" });
    expect(await refusal(`${media.origin}/__emulator/reset`)).toMatchObject({ status: 400 });
    expect(elsewhere.seen).toEqual([]);
    expect(media.seen).not.toContain("/__emulator/reset");
  });
});
