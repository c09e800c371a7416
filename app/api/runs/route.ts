import { identifyProxyCaller } from "@/lib/auth/access";
import { allowedUserId } from "@/lib/auth/allowed-user";
import { toErrorResponse } from "@/lib/errors/app-error";
import { appStores } from "@/lib/stores/app-stores";
import { runViewOf } from "@/lib/stores/run-view";

/** The signed-in user's runs, newest first: the history every tab and device of theirs shows. */
export async function GET(request: Request): Promise<Response> {
  try {
    const userId = allowedUserId(await identifyProxyCaller(request));
    const runs = (await appStores().runs.list(userId)).map(runViewOf);
    return Response.json({ runs }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    // A refusal (401, 403) or an unreachable store (500): JSON naming it, never a stack.
    return toErrorResponse(error);
  }
}
