import { identifyProxyCaller } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";
import { appStores } from "@/lib/stores/app-stores";
import { budgetViewOf } from "@/lib/stores/budget-view";

/** Today's budgets for the signed-in user: what the page shows, refreshed after each run. */
export async function GET(request: Request): Promise<Response> {
  const access = await identifyProxyCaller(request);
  if (access.status === "signed-out") {
    return new AppError("unauthenticated", 401, "Sign in to see your budget.").toResponse();
  }
  if (access.status === "forbidden") {
    return new AppError(
      "forbidden",
      403,
      "This account is not allowed to use this app.",
    ).toResponse();
  }
  try {
    const status = await appStores().budget.status(access.user.id);
    return Response.json(budgetViewOf(status), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    // The store is unreachable: a JSON 500 naming it, never a stack.
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
