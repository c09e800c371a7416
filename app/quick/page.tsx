import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { NotAllowed } from "@/components/auth/not-allowed";
import { accessOf } from "@/lib/auth/access";
import type { TextToImageModel } from "@/lib/catalog/model-definition";
import { catalog } from "@/lib/catalog/models";
import { QuickGenerator } from "./quick-generator";

export const metadata: Metadata = { title: "Quick image" };

/** The shortest path: one catalog model, the plain fal client, through the guarded proxy. */
export default async function QuickPage() {
  // The proxy checks every call (the lock); the page checks too, to send a visitor to sign in.
  const access = accessOf(await auth());
  if (access.status === "signed-out") redirect("/sign-in");
  if (access.status === "forbidden") {
    return <NotAllowed user={access.user} reason={access.reason} />;
  }
  // FLUX.1 [schnell], the inexpensive default: the catalog's first text-to-image model.
  const model = catalog.find((entry): entry is TextToImageModel => entry.kind === "text-to-image");
  if (!model) throw new Error("The catalog has no text-to-image model.");
  return <QuickGenerator model={model} />;
}
