"use server";

import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { providerSummaries } from "@/lib/auth/providers";
import { serverEnv } from "@/lib/env";

export async function signInWith(providerId: string) {
  if (!providerSummaries(serverEnv()).some((provider) => provider.id === providerId)) {
    redirect("/sign-in?error=UnknownProvider");
  }
  await signIn(providerId, { redirectTo: "/" });
}

export async function signOutToHome() {
  await signOut({ redirectTo: "/" });
}
