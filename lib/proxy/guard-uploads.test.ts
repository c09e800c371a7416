import { afterEach, describe, expect, it, vi } from "vitest";
import type { Access } from "@/lib/auth/access";
import {
  type Call,
  createGuardKit,
  fileUrl,
  uploadedPng as png,
  refusalOf,
  upload,
  uploadInitiateUrl,
  users,
} from "../../testing/guard-kit";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the guard: storage uploads", () => {
  it("forwards the fal client's initiate call with the server's key and the checked body only", async () => {
    const kit = createGuardKit();
    const response = await kit.call(
      upload({
        headers: {
          "content-type": "application/json",
          // What fal.storage.upload adds with a lifecycle option, which the app does not use.
          "x-fal-object-lifecycle": '{"expiration_duration_seconds":31536000}',
          authorization: "Key attacker-key",
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      upload_url: "https://upload.test/put",
      file_url: fileUrl,
    });
    const sent = kit.sent();
    expect(sent.url).toBe(uploadInitiateUrl);
    expect(sent.headers.get("authorization")).toBe("Key server-key-7f3a");
    expect(sent.headers.has("x-fal-object-lifecycle")).toBe(false);
    expect(JSON.parse(String(sent.body))).toEqual(png);
    expect(kit.audit).toEqual([
      expect.objectContaining({
        user: "oidc:ada",
        method: "POST",
        operation: "upload-initiate",
        endpoint: "storage",
        status: 200,
        error: null,
        costUsd: null,
      }),
    ]);
  });

  it("the attack catalogue: each refused before fal, with its status, code and reason", async () => {
    const attacks: Array<[string, Call, { status: number; code: string; message: RegExp }]> = [
      [
        "a type that is not an image the app accepts",
        upload({ json: { content_type: "text/html", file_name: "page.html" } }),
        {
          status: 415,
          code: "unsupported_upload_type",
          message: /^Only image\/png, image\/jpeg, image\/webp images/,
        },
      ],
      [
        "another storage type",
        upload({ target: "https://rest.fal.ai/storage/upload/initiate?storage_type=gcs" }),
        {
          status: 400,
          code: "invalid_target",
          message: /exactly the query \?storage_type=fal-cdn-v3/,
        },
      ],
      [
        "a query parameter the client never sends",
        upload({ target: `${uploadInitiateUrl}&expires_in=31536000` }),
        {
          status: 400,
          code: "invalid_target",
          message: /exactly the query \?storage_type=fal-cdn-v3/,
        },
      ],
      [
        "no query at all",
        upload({ target: "https://rest.fal.ai/storage/upload/initiate" }),
        {
          status: 400,
          code: "invalid_target",
          message: /exactly the query \?storage_type=fal-cdn-v3/,
        },
      ],
      [
        "the multipart initiate (files over 90 MB)",
        upload({
          target: "https://rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3",
        }),
        {
          status: 403,
          code: "target_not_allowed",
          message: /Only \/storage\/upload\/initiate is proxied/,
        },
      ],
      [
        "the multipart complete",
        upload({
          target: "https://rest.fal.ai/storage/upload/complete-multipart?storage_type=fal-cdn-v3",
        }),
        { status: 403, code: "target_not_allowed", message: /Only \/storage\/upload\/initiate/ },
      ],
      [
        "a realtime token",
        upload({ target: "https://rest.fal.ai/tokens", json: { allowed_apps: ["flux"] } }),
        { status: 403, code: "target_not_allowed", message: /Only \/storage\/upload\/initiate/ },
      ],
      [
        "a body with an extra key",
        upload({ json: { ...png, initial_acl: "public" } }),
        { status: 400, code: "invalid_upload", message: /only content_type and file_name/ },
      ],
      [
        "a body without content_type",
        upload({ json: { file_name: "a.png" } }),
        { status: 400, code: "invalid_upload", message: /must send content_type/ },
      ],
      [
        "a file name that is a path",
        upload({ json: { ...png, file_name: "../../index.html" } }),
        { status: 400, code: "invalid_upload", message: /plain name/ },
      ],
      [
        "a body that is not JSON",
        upload({ body: "content_type=text/html", headers: { "content-type": "text/plain" } }),
        { status: 415, code: "unsupported_media_type", message: /application\/json/ },
      ],
      [
        "signed out",
        upload({ as: users.signedOut }),
        { status: 401, code: "unauthenticated", message: /signed out/ },
      ],
      [
        "not on the allow-list",
        upload({ as: users.stranger }),
        { status: 403, code: "forbidden", message: /eve@elsewhere\.test is not allowed/ },
      ],
      [
        "an unverified email",
        upload({ as: unverified }),
        { status: 403, code: "forbidden", message: /not a verified email address/ },
      ],
    ];
    for (const [attack, call, expected] of attacks) {
      const kit = createGuardKit();
      const refused = await refusalOf(await kit.call(call));
      expect(refused, attack).toMatchObject(expected);
      expect(kit.fal, attack).not.toHaveBeenCalled();
      expect(kit.audit.at(-1), attack).toMatchObject({
        status: expected.status,
        error: expected.code,
      });
    }
  });
});

const unverified: Access = {
  status: "forbidden",
  reason: "unverified",
  user: { id: "github:7", email: "ceo@corp.com", emailVerified: false },
};
