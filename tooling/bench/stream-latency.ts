/**
 * How long the first IN_PROGRESS status frame takes from the emulator to the reader: the
 * stream is opened while the request is queued, and the frame's arrival is compared with the
 * moment the emulator's schedule starts the request (`startedAt`). Once straight from the
 * emulator (the reference: its timer's own delay) and once through the proxy.
 */
import { createParser } from "eventsource-parser";
import { falUrls } from "../testing/fal-urls";
import { emulator } from "./bench-env";
import { type Route, request, submit } from "./fal-calls";
import { type Summary, summarize } from "./stats";

export const streamRuns = 7;
const timing = { queueMs: 300, runMs: 200 };

/** Epoch ms at which the first IN_PROGRESS frame was parsed. */
async function firstInProgressAt(
  route: Route,
  cookie: string,
  requestId: string,
): Promise<number | undefined> {
  const { url, headers } = request(route, falUrls.statusStream(requestId), cookie);
  const response = await fetch(url, { headers: { ...headers, accept: "text/event-stream" } });
  if (response.status !== 200 || !response.body) {
    throw new Error(`status stream by ${route} answered ${response.status}`);
  }
  const statuses: string[] = [];
  let arrivedAt: number | undefined;
  const parser = createParser({
    onEvent: (event) => {
      const { status } = JSON.parse(event.data) as { status: string };
      if (status === "IN_PROGRESS" && arrivedAt === undefined) arrivedAt = Date.now();
      statuses.push(status);
    },
  });
  const decoder = new TextDecoder();
  // The emulator closes the stream after COMPLETED.
  for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
  // Opened after the queue time had passed (a busy machine): this round measures nothing.
  if (statuses[0] !== "IN_QUEUE") return undefined;
  if (arrivedAt === undefined) {
    throw new Error(`status stream by ${route} never said IN_PROGRESS: ${statuses}`);
  }
  return arrivedAt;
}

/** A round's delay, submitted afresh until its stream opens while the request is queued. */
async function streamDelay(route: StreamRoute, cookie: string): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const requestId = await submit("proxy", cookie);
    const arrivedAt = await firstInProgressAt(route, cookie, requestId);
    if (arrivedAt !== undefined) {
      return arrivedAt - (await emulator.scheduled(requestId, "startedAt"));
    }
  }
  throw new Error(`status stream by ${route}: opened after the queue time 5 times in a row`);
}

type StreamRoute = Exclude<Route, "bare">;
export type StreamLatency = Record<StreamRoute, Summary>;

export async function measureStreamLatency(cookie: string): Promise<StreamLatency> {
  await emulator.setTiming(timing);
  const samples: Record<StreamRoute, number[]> = { emulator: [], proxy: [] };
  // One round first, unmeasured, to warm both paths.
  for (let run = -1; run < streamRuns; run++) {
    for (const route of ["emulator", "proxy"] as const) {
      const delay = await streamDelay(route, cookie);
      if (run >= 0) samples[route].push(delay);
    }
  }
  return { emulator: summarize(samples.emulator), proxy: summarize(samples.proxy) };
}
