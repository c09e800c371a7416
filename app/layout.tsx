import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { auth } from "@/auth";
import { UserMenu } from "@/components/auth/user-menu";
import { mainId, SkipLink } from "@/components/layout/skip-link";
import { accessOf } from "@/lib/auth/access";
import { site } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  // A page that names itself reads "Sign in · Picture Studio"; the rest, the app's name.
  title: { default: site.name, template: `%s · ${site.name}` },
  description: site.description,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const access = accessOf(await auth());
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">
        <SkipLink />
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight">
              {site.name}
            </Link>
            {access.status !== "signed-out" && <UserMenu user={access.user} />}
          </div>
        </header>
        <main
          id={mainId}
          tabIndex={-1}
          className="mx-auto max-w-5xl px-4 py-4 focus:outline-none sm:py-8"
        >
          {children}
        </main>
      </body>
    </html>
  );
}
