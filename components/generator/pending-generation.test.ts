import { describe, expect, it } from "vitest";
import { catalog as models } from "@/lib/catalog/models";
import { type PendingGeneration, parsePending, pendingMaxAgeMs } from "./pending-generation";

const now = Date.parse("2026-11-27T12:00:00Z");
const entry: PendingGeneration = {
  requestId: "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d",
  modelId: "fal-ai/flux/dev",
  request: { prompt: "A lighthouse", imageSize: "square", numImages: 2, seed: 42 },
  startedAt: now - 5_000,
};
const read = (value: unknown) =>
  parsePending(typeof value === "string" ? value : JSON.stringify(value), models, now);

describe("parsePending", () => {
  it("resumes a well-formed, recent entry for a model in the catalog", () => {
    expect(read(entry)).toEqual({
      kind: "resume",
      pending: entry,
      model: models.find((model) => model.id === "fal-ai/flux/dev"),
    });
  });

  it("resumes a video run with the choices its entry lists, and nothing else", () => {
    const video = { duration: "8s", aspectRatio: "9:16", resolution: "1080p", audio: true };
    const clip = {
      ...entry,
      modelId: "fal-ai/veo3.1/lite",
      request: { prompt: "A lighthouse", imageSize: "square", numImages: 1, video },
    };
    expect(read(clip)).toMatchObject({ kind: "resume", pending: clip });
    for (const bad of [
      { ...video, resolution: "4k" },
      { ...video, duration: "60s" },
      { ...video, audio: "yes" },
      undefined,
    ]) {
      expect(read({ ...clip, request: { ...clip.request, video: bad } })).toEqual({ kind: "none" });
    }
    // An image model's run has no video choices to resume.
    expect(read({ ...entry, request: { ...entry.request, video } })).toEqual({ kind: "none" });
  });

  it("keeps the seed out when none was chosen", () => {
    const { seed: _, ...request } = entry.request;
    const result = read({ ...entry, request });
    expect(result.kind === "resume" && result.pending.request).toEqual(request);
  });

  it("has nothing to resume without an entry, or with one it cannot read", () => {
    expect(parsePending(null, models, now)).toEqual({ kind: "none" });
    for (const raw of [
      "not json",
      "[]",
      { ...entry, requestId: 42 },
      { ...entry, requestId: "../../admin" },
      { ...entry, startedAt: "yesterday" },
      { ...entry, request: { ...entry.request, imageSize: "huge" } },
      { ...entry, request: { ...entry.request, numImages: 99 } },
      { ...entry, request: { ...entry.request, seed: -1 } },
      { ...entry, request: { ...entry.request, prompt: "x".repeat(2_001) } },
    ]) {
      expect(read(raw), JSON.stringify(raw)).toEqual({ kind: "none" });
    }
  });

  it("calls an old entry, one from the future or one for a model no longer offered stale", () => {
    expect(read({ ...entry, startedAt: now - pendingMaxAgeMs - 1 })).toEqual({ kind: "stale" });
    expect(read({ ...entry, startedAt: now + 60_000 })).toEqual({ kind: "stale" });
    expect(read({ ...entry, modelId: "fal-ai/retired" })).toEqual({ kind: "stale" });
  });
});
