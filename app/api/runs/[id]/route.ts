import { identifyProxyCaller } from "@/lib/auth/access";
import { allowedUserId } from "@/lib/auth/allowed-user";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import { appStores } from "@/lib/stores/app-stores";

/**
 * Deletes one of the signed-in user's runs on the server: gone from every tab and device, and
 * its status and result no longer reachable through the proxy. Another user's id is answered
 * as one that does not exist.
 */
export async function DELETE(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  try {
    const userId = allowedUserId(await identifyProxyCaller(request));
    const { id } = await params;
    if (!(await appStores().runs.remove(userId, id))) {
      throw new AppError("request_not_found", 404, "There is no such run.");
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
