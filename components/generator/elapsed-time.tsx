"use client";

import { useEffect, useState } from "react";

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Ticks while mounted; kept out of the live region so screen readers are not flooded. */
export function ElapsedTime({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return <span className="font-mono tabular-nums">{formatSeconds(Math.max(0, now - since))}</span>;
}
