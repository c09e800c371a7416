/** One image uses the card's full width; several share it two to a row, a phone too. */
export function imageGridClass(count: number): string {
  return count > 1 ? "grid grid-cols-2 gap-3" : "grid gap-3";
}
