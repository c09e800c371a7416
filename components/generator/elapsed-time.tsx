"use client";

import { useEffect, useState } from "react";

/** "4.2 s" under a minute, "4 min 05 s" past it: a long wait reads as one. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}

/** Ticks while mounted; kept out of the live region so screen readers are not flooded. */
export function ElapsedTime({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="text-muted font-mono text-sm tabular-nums">{formatDuration(now - since)}</span>
  );
}
