/** The code the docs tell users to paste is the code these tests run, import paths aside. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const asPasted = (fixture: string) =>
  read(fixture).trimEnd().replaceAll('from "./node-bridge"', 'from "@/lib/proxy/node-bridge"');

describe("the ports' docs", () => {
  it.each([
    ["../../docs/pages-router.md", "./node-bridge.ts"],
    ["../../docs/pages-router.md", "./pages-api-fal-proxy.ts"],
    ["../../docs/custom-server.md", "./fal-proxy-listener.ts"],
    ["../../README.md", "../../app/api/fal/proxy/route.ts"],
  ])("%s shows %s as tested", (doc, fixture) => {
    expect(read(doc)).toContain(`\`\`\`ts\n${asPasted(fixture)}\n\`\`\``);
  });
});
