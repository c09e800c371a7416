/** Uploads and served files over plain HTTP. */
import { describe, expect, it } from "vitest";
import { emulatorForFile } from "./testing";

const emulator = emulatorForFile({ uploadLimits: { maxFileBytes: 1024 } });
const { call, post, submit } = emulator.http;

describe("uploads and files", () => {
  it("initiates, accepts a CORS PUT without a key, and serves the file", async () => {
    const init = await post("/rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3", {
      content_type: "text/plain",
      file_name: "note.txt",
    });
    const { upload_url, file_url } = init.json as { upload_url: string; file_url: string };
    expect(upload_url.startsWith(`${emulator.url}/uploads/`)).toBe(true);
    expect(file_url).toMatch(new RegExp(`^${emulator.url}/files/uploads/[0-9a-f-]+/note\\.txt$`));

    const preflight = await fetch(upload_url, { method: "OPTIONS" });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");

    const put = await fetch(upload_url, {
      method: "PUT",
      body: "hello",
      headers: { "content-type": "text/plain" },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("access-control-allow-origin")).toBe("*");

    const file = await fetch(file_url);
    expect(file.headers.get("content-type")).toBe("text/plain");
    expect(file.headers.get("access-control-allow-origin")).toBe("*");
    expect(await file.text()).toBe("hello");
    const unknown = await fetch(`${emulator.url}/uploads/not-issued`, { method: "PUT", body: "x" });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${emulator.url}/files/uploads/nope/x`)).status).toBe(404);
  });

  it("keeps CORS on failed PUTs: an armed upload fault and an oversized file", async () => {
    const initiate = async () =>
      (await post("/rest.fal.ai/storage/upload/initiate", { content_type: "text/plain" })).json as {
        upload_url: string;
        file_url: string;
      };
    const { upload_url } = await initiate();
    await emulator.control("faults", { on: "upload", status: 503 });
    const faulted = await fetch(upload_url, { method: "PUT", body: "x" });
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("access-control-allow-origin")).toBe("*");

    const big = await fetch(upload_url, { method: "PUT", body: "x".repeat(1025) });
    expect(big.status).toBe(413);
    expect(big.headers.get("access-control-allow-origin")).toBe("*");
    const ok = await fetch(upload_url, { method: "PUT", body: "x".repeat(1024) });
    expect(ok.status).toBe(200);
  });

  it("serves generated images with long caching, identically each time", async () => {
    const { request_id: requestId } = await submit("fal-ai/flux/dev", {
      prompt: "cached",
      image_size: "square",
      seed: 9,
    });
    await expect
      .poll(async () => (await call(`/queue.fal.run/fal-ai/flux/requests/${requestId}`)).status)
      .toBe(200);
    const output = (await call(`/queue.fal.run/fal-ai/flux/requests/${requestId}`)).json as {
      images: { url: string }[];
    };
    const url = output.images[0]?.url ?? "";
    const [a, b] = await Promise.all([fetch(url), fetch(url)]);
    expect(a.headers.get("cache-control")).toContain("max-age=31536000");
    expect(a.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(
      true,
    );
    expect((await fetch(`${emulator.url}/files/images/10x10/1/0/abc.png`)).status).toBe(404);
  });
});
