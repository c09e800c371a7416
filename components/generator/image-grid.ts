/** One image uses the card's full width; several share it, two to a row from `sm` up. */
export function imageGridClass(count: number): string {
  return count > 1 ? "grid gap-3 sm:grid-cols-2" : "grid gap-3";
}
