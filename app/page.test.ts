import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RunRecord } from "@/lib/stores/runs";

// The session check and the stores have their own tests; here, what the page makes of the
// user's runs, and of a store that cannot be reached.
const user = { id: "u1", email: "ada@example.com", name: "Ada" };
const stores = vi.hoisted(() => ({ list: vi.fn<(userId: string) => Promise<RunRecord[]>>() }));
vi.mock("@/auth", () => ({ auth: async () => ({ user }) }));
vi.mock("@/lib/auth/access", () => ({ accessOf: () => ({ status: "allowed", user }) }));
vi.mock("@/lib/fal/server/emulator-media", () => ({ extraMediaOrigins: () => [] }));
vi.mock("@/lib/stores/app-stores", () => ({
  appStores: () => ({
    budget: {
      status: async () => {
        throw new Error("unreachable");
      },
    },
    runs: { list: stores.list },
  }),
}));

const render = async () => {
  const { default: HomePage } = await import("./page");
  return renderToStaticMarkup(await HomePage());
};

const run: RunRecord = {
  requestId: "req-1",
  modelId: "fal-ai/flux/schnell",
  input: { prompt: "A heron at dawn", image_size: "square", num_images: 1 },
  costMicroUsd: 3_000,
  status: "done",
  submittedAt: Date.parse("2026-12-02T10:00:00Z"),
  finishedAt: Date.parse("2026-12-02T10:00:02Z"),
  output: { images: [{ url: "https://v3.fal.media/files/a.png", width: 512, height: 512 }] },
};

describe("the generator page", () => {
  beforeEach(() => {
    stores.list.mockReset();
  });

  it("lists the signed-in user's runs from the server, with their images", async () => {
    stores.list.mockResolvedValue([run]);
    const html = await render();
    expect(stores.list).toHaveBeenCalledWith("u1");
    expect(html).toContain("A heron at dawn");
    expect(html).toContain('src="https://v3.fal.media/files/a.png"');
    expect(html).toContain("FLUX.1 [schnell]");
  });

  it("says the history cannot be read when the store is unreachable, and still renders", async () => {
    stores.list.mockImplementation(async () => {
      throw new Error("connect ECONNREFUSED");
    });
    const html = await render();
    expect(html).toContain("Your history could not be read just now");
    expect(html).toContain("Generate images");
    expect(html).not.toContain("ECONNREFUSED");
  });
});
