import Image from "next/image";
import type { Sample } from "./samples";

/** A sample picture at the card's width; SVGs are served as they are, not re-encoded. */
export function SampleImage({ sample }: { sample: Sample }) {
  return (
    <Image
      src={sample.src}
      alt={sample.alt}
      width={640}
      height={480}
      className="h-auto w-full rounded-lg bg-zinc-100 dark:bg-zinc-800"
    />
  );
}
