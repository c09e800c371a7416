import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { acceptedImageTypes } from "@/lib/uploads/image-upload-policy";
import { checkUploadRequest, maxUploadFileNameLength } from "./upload-request";

function refusal(body: unknown) {
  try {
    checkUploadRequest(body);
  } catch (error) {
    if (error instanceof AppError) {
      return {
        status: error.status,
        code: error.code,
        field: error.extras.field,
        message: error.message,
      };
    }
    throw error;
  }
  return "accepted";
}

describe("checkUploadRequest: the storage initiate body", () => {
  it.each(acceptedImageTypes)("accepts %s, as the fal client declares it", (type) => {
    // `fal.storage.upload` names a nameless Blob `<Date.now()>.<subtype>`.
    const body = { content_type: type, file_name: `1764213000000.${type.split("/")[1]}` };
    expect(checkUploadRequest(body)).toEqual(body);
  });

  it("accepts the names cameras, phones and people give photos", () => {
    for (const file_name of [
      "IMG_2024 (1).JPG",
      "Screenshot 2026-11-27 at 09.41.12.png",
      "café.webp",
      // macOS keeps names decomposed: e + a combining acute accent.
      "cafe\u0301.webp",
      "写真.jpeg",
      "x".repeat(maxUploadFileNameLength),
    ]) {
      expect(refusal({ content_type: "image/png", file_name }), file_name).toBe("accepted");
    }
  });

  it("refuses a type that is not an image the app accepts, naming the accepted ones", () => {
    for (const content_type of [
      "text/html",
      "image/svg+xml",
      "image/gif",
      "application/octet-stream",
      "IMAGE/PNG",
      "image/png; charset=utf-8",
      "",
    ]) {
      expect(refusal({ content_type, file_name: "a.png" }), content_type).toMatchObject({
        status: 415,
        code: "unsupported_upload_type",
        field: "content_type",
        message: expect.stringContaining("Only image/png, image/jpeg, image/webp images"),
      });
    }
    expect(refusal({ content_type: "text/html", file_name: "a.png" })).toMatchObject({
      message: "Only image/png, image/jpeg, image/webp images can be uploaded, not text/html.",
    });
  });

  it("does not repeat a declared type that is not shaped like one", () => {
    const { message } = refusal({ content_type: "<script>x</script>", file_name: "a.png" }) as {
      message: string;
    };
    expect(message).toBe("Only image/png, image/jpeg, image/webp images can be uploaded.");
  });

  it("refuses extra keys, missing keys and non-string values", () => {
    const extra = { content_type: "image/png", file_name: "a.png", acl: "public-read" };
    expect(refusal(extra)).toMatchObject({
      status: 400,
      code: "invalid_upload",
      message: "An upload sends only content_type and file_name; the body has other keys.",
    });
    expect(
      refusal(JSON.parse('{"content_type":"image/png","file_name":"a.png","__proto__":{}}')),
    ).toMatchObject({ status: 400, code: "invalid_upload" });
    expect(refusal({ file_name: "a.png" })).toMatchObject({
      status: 400,
      code: "invalid_upload",
      field: "content_type",
      message: "An upload must send content_type as a string.",
    });
    expect(refusal({ content_type: "image/png" })).toMatchObject({ field: "file_name" });
    expect(refusal({ content_type: ["image/png"], file_name: "a.png" })).toMatchObject({
      status: 400,
      field: "content_type",
    });
  });

  it("refuses a file name that is empty, too long, a path or hides characters", () => {
    for (const file_name of [
      "",
      "x".repeat(maxUploadFileNameLength + 1),
      "../../etc/passwd",
      "uploads/a.png",
      "C:\\a.png",
      ".htaccess",
      "a\u0000.png",
      "a\n.png",
      // A right-to-left override that shows "photo‮gnp.exe" as "photoexe.png".
      "photo\u202Egnp.exe",
      "zero\u200Bwidth.png",
      "   ",
    ]) {
      expect(
        refusal({ content_type: "image/png", file_name }),
        JSON.stringify(file_name),
      ).toMatchObject({ status: 400, code: "invalid_upload", field: "file_name" });
    }
  });
});
