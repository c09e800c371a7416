/**
 * For tests: what ffmpeg (the binary @ffmpeg-installer ships) makes of a served clip, read
 * from its own words: whether it decodes to the end without an error, how long it is, and its
 * streams. The package has no ffprobe, so the length comes from ffmpeg's `Duration:` line.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ffmpeg from "@ffmpeg-installer/ffmpeg";

export type Probe = {
  /** `ffmpeg -v error -i file -f null -` exited 0 and printed nothing: it decodes whole. */
  decodes: boolean;
  seconds: number | undefined;
  video: string | undefined;
  audio: string | undefined;
};

async function ffmpegRun(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(ffmpeg.path, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, "close")) as [number | null];
  return { code, stderr };
}

export async function probeVideo(bytes: Buffer): Promise<Probe> {
  const dir = await mkdtemp(join(tmpdir(), "probe-"));
  const file = join(dir, "clip.webm");
  try {
    await writeFile(file, bytes);
    const check = await ffmpegRun(["-v", "error", "-i", file, "-f", "null", "-"]);
    // With no output named, ffmpeg describes the input and exits 1: only its words are read.
    const { stderr } = await ffmpegRun(["-hide_banner", "-i", file]);
    const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
    const [, h, m, s] = duration ?? [];
    return {
      decodes: check.code === 0 && check.stderr.trim() === "",
      seconds: duration ? Number(h) * 3600 + Number(m) * 60 + Number(s) : undefined,
      video: /Stream #\S+: Video: (\w+)/.exec(stderr)?.[1],
      audio: /Stream #\S+: Audio: (\w+)/.exec(stderr)?.[1],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
