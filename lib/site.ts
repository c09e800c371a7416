/**
 * The app's own name and one line about it: the browser tab, the header and the signed-out
 * page read them here, so renaming your app is this one change.
 */
export const site = {
  name: "Picture Studio",
  description:
    "Make pictures and short videos from words, change a photo by saying what should be different, and find everything you made on any device.",
} as const;
