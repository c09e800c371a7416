import "server-only";
import { getAccess } from "@/lib/auth/access";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import { allowedEndpoints } from "@/lib/models";
import { checkTarget, targetUrlHeader } from "./target-policy";

type Handler<R extends Request> = (request: R) => Promise<Response>;
type ProxyHandlers<R extends Request> = { GET: Handler<R>; POST: Handler<R>; PUT: Handler<R> };

/**
 * Wraps the handlers of `createRouteHandler` so every refusal is a JSON error the UI can
 * explain: who is asking first (401, 403), then what they ask for (400, 403), and anything
 * thrown on the way (a missing key, an unreachable upstream) becomes a clean response.
 */
export function guardProxy<R extends Request>(handlers: ProxyHandlers<R>): ProxyHandlers<R> {
  const guard =
    (handler: Handler<R>): Handler<R> =>
    async (request) => {
      try {
        const access = await getAccess();
        if (access.status === "signed-out") {
          throw new AppError(
            "unauthenticated",
            401,
            "You are signed out. Sign in again to generate images.",
          );
        }
        if (access.status === "forbidden") {
          throw new AppError(
            "forbidden",
            403,
            `${access.user.email ?? "This account"} is not allowed to use this app.`,
          );
        }
        const refusal = checkTarget(
          request.method,
          request.headers.get(targetUrlHeader),
          allowedEndpoints,
        );
        if (refusal) throw refusal;
        return await handler(request);
      } catch (error) {
        return toErrorResponse(error);
      }
    };
  return { GET: guard(handlers.GET), POST: guard(handlers.POST), PUT: guard(handlers.PUT) };
}
