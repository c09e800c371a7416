/** fal's image size presets: the only sizes this app offers, and so the only ones it runs. */
export const imageSizes = {
  square_hd: { width: 1024, height: 1024, label: "Square HD" },
  square: { width: 512, height: 512, label: "Square" },
  portrait_4_3: { width: 768, height: 1024, label: "Portrait 3:4" },
  portrait_16_9: { width: 576, height: 1024, label: "Portrait 9:16" },
  landscape_4_3: { width: 1024, height: 768, label: "Landscape 4:3" },
  landscape_16_9: { width: 1024, height: 576, label: "Landscape 16:9" },
} as const;

export type ImageSize = keyof typeof imageSizes;

export const imageSizeNames = Object.keys(imageSizes) as [ImageSize, ...ImageSize[]];

/** "Square HD (1024 × 1024)", for the form's options. */
export function imageSizeLabel(size: ImageSize): string {
  const { width, height, label } = imageSizes[size];
  return `${label} (${width} × ${height})`;
}
