import { type NextRequest, NextResponse } from "next/server";
import { extraMediaOrigins } from "@/lib/fal/server/emulator-media";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";

/**
 * Pages only: each gets a Content-Security-Policy around a fresh nonce. Next finds the nonce in
 * the policy on the request and puts it on every script it renders; `next start` would copy the
 * response's headers onto the request anyway, but Next's guide sets both, for every host. The
 * headers of every answer come from next.config.ts.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    mediaOrigins: extraMediaOrigins(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not route handlers, Next's files, the icons or public/: none renders a page.
      source:
        "/((?!api/|_next/static/|_next/image|favicon\\.ico|icon\\.svg|apple-icon\\.png|samples/).*)",
      // A link's prefetch renders nothing the browser runs.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
