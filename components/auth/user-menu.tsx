"use client";

import { useRef } from "react";
import type { SessionUser } from "@/lib/auth/access";
import { signOutToHome } from "./actions";
import { useDismissible } from "./use-dismissible";

/**
 * A disclosure built on <details>: keyboard-operable and works before any JavaScript loads.
 * Once it has, Escape and a click or tap outside close it too, as people expect of a menu.
 */
export function UserMenu({ user }: { user: SessionUser }) {
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissible(menu);
  return (
    <details ref={menu} className="relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        aria-label={`Account menu for ${user.name ?? user.email ?? "you"}`}
      >
        {user.image ? (
          // biome-ignore lint/performance/noImgElement: a provider avatar of unknown host; next/image would need each host configured
          <img src={user.image} alt="" className="size-8 rounded-full" />
        ) : (
          // An icon, not initials: visible text the label lacks fails WCAG 2.5.3 (label in name).
          <span className="flex size-8 items-center justify-center rounded-full bg-accent text-white">
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
              <circle cx="10" cy="7" r="3.5" />
              <path d="M3.5 17a6.5 6.5 0 0 1 13 0z" />
            </svg>
          </span>
        )}
      </summary>
      <div className="card absolute right-0 z-10 mt-2 w-64 space-y-3 p-4!">
        <div className="min-w-0">
          <p className="truncate font-medium">{user.name ?? "Signed in"}</p>
          {user.email && <p className="truncate text-sm text-muted">{user.email}</p>}
        </div>
        <form action={signOutToHome}>
          <button type="submit" className="btn-secondary w-full">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
