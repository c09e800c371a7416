/** About a sentence: enough to tell images apart, short enough to hear. */
export const altPromptLength = 100;

/**
 * An image's alt text: the prompt cut at a word near `altPromptLength` characters, and which
 * image of the set it is. A 2,000-character prompt read out for every image helps nobody.
 */
export function imageAlt(prompt: string, index: number, count: number): string {
  const text = shorten(prompt.trim().replace(/\s+/g, " "), altPromptLength);
  return count > 1 ? `${text}, image ${index + 1} of ${count}` : text;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  // A cut inside a long word is kept rather than leaving only a few characters.
  const words = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s,.;:!?-]+$/, "")}…`;
}
