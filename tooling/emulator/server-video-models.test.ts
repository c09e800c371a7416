/**
 * The video models through the real `@fal-ai/client` (rerouted by the app's dispatcher, as in
 * the app): fal's output shape, a clip ffmpeg decodes whole, of the length asked for, drawn
 * from the prompt and seed or from the input image.
 */
import { createFalClient, type QueueStatus, ValidationError } from "@fal-ai/client";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { createEmulatorDispatcher } from "@/lib/fal/server/reroute-to-emulator";
import type { VideoOutput } from "./model-output";
import { apiRejection, emulatorForFile, testFalKey } from "./testing";
import { probeVideo } from "./video-probe";

const emulator = emulatorForFile({ routeFalHosts: createEmulatorDispatcher });
const fal = createFalClient({ credentials: testFalKey });
const lite = "fal-ai/veo3.1/lite";
const animate = "fal-ai/veo3.1/lite/image-to-video";

async function clip(endpoint: string, input: Record<string, unknown>) {
  const updates: QueueStatus[] = [];
  const result = await fal.subscribe(endpoint, {
    input,
    logs: true,
    pollInterval: 20,
    onQueueUpdate: (update) => updates.push(structuredClone(update)),
  });
  const output = result.data as unknown as VideoOutput;
  const response = await fetch(output.video.url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("video/webm");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return { output, updates, bytes: Buffer.from(await response.arrayBuffer()) };
}

function solid(width: number, height: number, rgb: [number, number, number]): Blob {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return new Blob([new Uint8Array(PNG.sync.write(png))], { type: "image/png" });
}

describe("video models with the real client", () => {
  it("makes a clip in fal's output shape that ffmpeg decodes whole, of the length asked for", async () => {
    await emulator.control("timing", { queueMs: 60, videoRunMs: 400 });
    const { output, updates, bytes } = await clip(lite, {
      prompt: "a whale",
      duration: "4s",
      aspect_ratio: "16:9",
      resolution: "720p",
      generate_audio: false,
      seed: 7,
    });
    expect(output).toEqual({
      video: {
        url: expect.stringMatching(
          new RegExp(`^${emulator.url}/files/videos/[0-9a-f-]{36}/output\\.webm$`),
        ),
        content_type: "video/webm",
        file_name: "output.webm",
      },
    });
    expect(bytes.length).toBeLessThan(100_000);
    // A media element seeks by byte ranges.
    const part = await fetch(output.video.url, { headers: { range: "bytes=10-19" } });
    expect([part.status, part.headers.get("content-range")]).toEqual([
      206,
      `bytes 10-19/${bytes.length}`,
    ]);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const probe = await probeVideo(bytes);
    expect(probe).toMatchObject({ decodes: true, video: "vp8", audio: undefined });
    expect(probe.seconds).toBeCloseTo(4, 0);
    // Progress as fal reports it: the queue, then logs, then done, naming what was made.
    const statuses = updates.map((update) => update.status);
    expect(statuses).toContain("IN_QUEUE");
    expect(statuses).toContain("IN_PROGRESS");
    const last = updates.at(-1);
    expect(last && "logs" in last && last.logs.at(-1)?.message).toBe("Generated a 4 s video");
  });

  it("follows the duration, and adds a sound track when audio is asked for", async () => {
    await emulator.control("timing", { queueMs: 0, videoRunMs: 0 });
    const eight = await clip(lite, { prompt: "a whale", duration: "8s", generate_audio: true });
    const six = await clip("fal-ai/veo3.1", {
      prompt: "a whale",
      duration: "6s",
      generate_audio: false,
    });
    const [long, medium] = await Promise.all([probeVideo(eight.bytes), probeVideo(six.bytes)]);
    expect(long).toMatchObject({ decodes: true, video: "vp8", audio: "opus" });
    expect(long.seconds).toBeCloseTo(8, 0);
    expect(medium).toMatchObject({ decodes: true, audio: undefined });
    expect(medium.seconds).toBeCloseTo(6, 0);
  });

  it("uses fal's defaults when a field is left out: eight seconds, with audio", async () => {
    await emulator.control("timing", { queueMs: 0, videoRunMs: 0 });
    const { bytes } = await clip(lite, { prompt: "defaults" });
    const probe = await probeVideo(bytes);
    expect(probe).toMatchObject({ decodes: true, audio: "opus" });
    expect(probe.seconds).toBeCloseTo(8, 0);
  });

  it("animates the input image: two images give two clips", async () => {
    await emulator.control("timing", { queueMs: 0, videoRunMs: 0 });
    const red = await fal.storage.upload(solid(64, 48, [230, 20, 20]));
    const blue = await fal.storage.upload(solid(64, 48, [20, 20, 230]));
    const input = { prompt: "drift", duration: "4s", seed: 3 };
    const first = await clip(animate, { ...input, image_url: red });
    const again = await clip(animate, { ...input, image_url: red });
    const second = await clip(animate, { ...input, image_url: blue });
    expect((await probeVideo(first.bytes)).decodes).toBe(true);
    expect(first.bytes.equals(again.bytes)).toBe(true);
    expect(first.bytes.equals(second.bytes)).toBe(false);
  });

  it("refuses what the page's schema refuses, naming the field, and requires the image", async () => {
    const refused = async (endpoint: string, input: Record<string, unknown>) => {
      const error = await apiRejection(fal.queue.submit(endpoint, { input }));
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fieldErrors;
    };
    expect(await refused(lite, { prompt: "x", duration: "5s" })).toEqual([
      { loc: ["body", "duration"], msg: "Input should be '4s', '6s' or '8s'", type: "enum" },
    ]);
    expect(await refused(lite, { prompt: "x", resolution: "4k" })).toMatchObject([
      { loc: ["body", "resolution"], type: "enum" },
    ]);
    expect(await refused(lite, { prompt: "x", generate_audio: "yes" })).toMatchObject([
      { loc: ["body", "generate_audio"], type: "bool_type" },
    ]);
    expect(await refused(animate, { prompt: "x" })).toMatchObject([
      { loc: ["body", "image_url"], type: "missing" },
    ]);
    expect(
      await refused(animate, { prompt: "x", image_url: "https://evil.example/a.png" }),
    ).toMatchObject([{ loc: ["body", "image_url"], type: "image_load_error" }]);
  });
});
