/**
 * Encodes an emulated clip with the ffmpeg binary that @ffmpeg-installer ships: raw RGB frames
 * (video-frames.ts) piped in, WebM out (VP8, which Chromium plays everywhere, and an Opus tone
 * when audio was asked for). Written to a temporary file rather than a pipe, so the WebM has its
 * duration and cues and a browser can seek it.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeImage } from "./decode-image";
import { type FrameSpec, framesPerSecond, imageFrame, textFrame } from "./video-frames";
import type { VideoSpec } from "./video-store";

/** The binary's path, loaded on first use: the package throws on a platform it has no build for. */
async function ffmpegPath(): Promise<string> {
  const { default: installer } = await import("@ffmpeg-installer/ffmpeg");
  return installer.path;
}

function ffmpegArgs(spec: VideoSpec, output: string): string[] {
  const { width, height, seconds } = spec;
  const input = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", `${width}x${height}`];
  // A tone from the seed, so a clip with audio has something to hear.
  const tone = `sine=frequency=${220 + (spec.seed % 440)}:sample_rate=48000:duration=${seconds}`;
  const audio = spec.audio ? ["-f", "lavfi", "-i", tone] : [];
  const encode = ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "40k"];
  const audioCodec = spec.audio ? ["-c:a", "libopus", "-b:a", "16k"] : [];
  return [
    ...["-v", "error", "-nostdin", "-y"],
    ...[...input, "-r", String(framesPerSecond), "-i", "pipe:0"],
    ...audio,
    ...[...encode, "-pix_fmt", "yuv420p", ...audioCodec],
    ...["-t", String(seconds), "-f", "webm", output],
  ];
}

async function frameSource(spec: VideoSpec) {
  const frames: FrameSpec = { ...spec, frames: spec.seconds * framesPerSecond };
  if (!spec.source) return { frames, draw: (index: number) => textFrame(frames, index) };
  const source = await decodeImage(spec.source);
  // The same bytes decoded when the run was submitted (prepare-run.ts): a bug, so a 500.
  if (typeof source === "string") throw new Error(`A video's input no longer decodes: ${source}`);
  return { frames, draw: (index: number) => imageFrame(frames, source, index) };
}

/** The clip `spec` describes, as WebM bytes. */
export async function renderVideo(spec: VideoSpec): Promise<Buffer> {
  const { frames, draw } = await frameSource(spec);
  const dir = await mkdtemp(join(tmpdir(), "emulator-video-"));
  const output = join(dir, "output.webm");
  try {
    const child = spawn(await ffmpegPath(), ffmpegArgs(spec, output), {
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = once(child, "close") as Promise<[number | null]>;
    // A failing ffmpeg closes its input early; its exit code says why, not the broken pipe.
    child.stdin.on("error", () => {});
    for (let index = 0; index < frames.frames && child.stdin.writable; index++) {
      if (!child.stdin.write(draw(index))) await Promise.race([once(child.stdin, "drain"), exited]);
    }
    child.stdin.end();
    const [code] = await exited;
    if (code !== 0) throw new Error(`ffmpeg exited with ${code}: ${stderr.trim().slice(0, 500)}`);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
