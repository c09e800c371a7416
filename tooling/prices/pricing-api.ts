/**
 * fal's Platform API price lookup (`GET https://api.fal.ai/v1/models/pricing`): the URL to
 * ask, and the answer checked before anything is written.
 */
import { z } from "zod";
import { falPlatformHost } from "@/lib/fal/fal-hosts";
import { rerouteToEmulator } from "@/lib/fal/server/reroute-to-emulator";
import { endpointIdPattern } from "./price-table";

/** fal prices at most this many endpoints per request. */
export const maxIdsPerRequest = 50;

const falPriceSchema = z.object({
  endpoint_id: z.string(),
  unit_price: z.number().nonnegative(),
  unit: z.string().min(1),
  currency: z.string().min(1),
});

// Not strict: fal may add fields (paging, say) that the refresh does not need.
const answerSchema = z.object({ prices: z.array(falPriceSchema) });

export type FalPrice = z.infer<typeof falPriceSchema>;

/**
 * The pricing URL for these ids, one request for all of them; with an emulator URL, the
 * emulator's stand-in for it, rerouted exactly as the app reroutes its own fal calls.
 */
export function pricingUrl(endpointIds: readonly string[], emulatorUrl?: URL): URL {
  if (endpointIds.length < 1 || endpointIds.length > maxIdsPerRequest) {
    throw new Error(
      `fal prices 1 to ${maxIdsPerRequest} endpoints per request; the catalog has ${endpointIds.length}`,
    );
  }
  const odd = endpointIds.find((id) => !endpointIdPattern.test(id));
  if (odd !== undefined) throw new Error(`"${odd}" is not a fal endpoint id`);
  // Ids hold only characters a query may carry as they are, so the URL reads like fal's docs.
  const path = `/v1/models/pricing?endpoint_id=${endpointIds.join(",")}`;
  const origin = `https://${falPlatformHost}`;
  if (!emulatorUrl) return new URL(path, origin);
  const rerouted = rerouteToEmulator(origin, path, emulatorUrl.origin);
  if (!rerouted) throw new Error(`${origin} is not rerouted to the emulator`);
  return new URL(rerouted.path, rerouted.origin);
}

export function parsePricingAnswer(body: unknown): FalPrice[] {
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `fal's pricing answer is not in the expected shape:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data.prices;
}
