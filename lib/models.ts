/**
 * The model catalog: the only fal endpoints this app calls. The proxy allows exactly these
 * (`allowedEndpoints`) and the UI offers exactly these, so adding a model is one entry here.
 */
export type ImageSize =
  | "square_hd"
  | "square"
  | "portrait_4_3"
  | "portrait_16_9"
  | "landscape_4_3"
  | "landscape_16_9";

export type ModelDefinition = {
  /** The fal endpoint id, as in `fal.subscribe(id, …)`. */
  id: string;
  name: string;
  description: string;
  /** Inputs the model takes beyond what the form asks for, sent as they are. */
  defaults: Record<string, number | boolean | string>;
  defaultImageSize: ImageSize;
};

export const imageSizes: ReadonlyArray<{ value: ImageSize; label: string }> = [
  { value: "square_hd", label: "Square HD (1024 × 1024)" },
  { value: "square", label: "Square (512 × 512)" },
  { value: "portrait_4_3", label: "Portrait 3:4 (768 × 1024)" },
  { value: "portrait_16_9", label: "Portrait 9:16 (576 × 1024)" },
  { value: "landscape_4_3", label: "Landscape 4:3 (1024 × 768)" },
  { value: "landscape_16_9", label: "Landscape 16:9 (1024 × 576)" },
];

export const models = [
  {
    id: "fal-ai/flux/schnell",
    name: "FLUX.1 [schnell]",
    description: "Fast: four steps, good for drafts.",
    defaults: { num_inference_steps: 4, enable_safety_checker: true },
    defaultImageSize: "landscape_4_3",
  },
  {
    id: "fal-ai/flux/dev",
    name: "FLUX.1 [dev]",
    description: "Higher quality: 28 steps, slower and dearer.",
    defaults: { num_inference_steps: 28, guidance_scale: 3.5, enable_safety_checker: true },
    defaultImageSize: "landscape_4_3",
  },
] as const satisfies readonly ModelDefinition[];

export type ModelId = (typeof models)[number]["id"];

/** For `createRouteHandler`: the endpoint paths a POST may target. */
export const allowedEndpoints: string[] = models.map((model) => model.id);

export const maxImages = 4;

export function findModel(id: string): ModelDefinition | undefined {
  return models.find((model) => model.id === id);
}

export type GenerationRequest = {
  prompt: string;
  imageSize: ImageSize;
  numImages: number;
  seed?: number;
};

/** The input fal receives: the model's defaults, then what the user chose. */
export function buildModelInput(model: ModelDefinition, request: GenerationRequest) {
  const numImages = Math.min(Math.max(Math.trunc(request.numImages), 1), maxImages);
  return {
    ...model.defaults,
    prompt: request.prompt.trim(),
    image_size: request.imageSize,
    num_images: numImages,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  };
}
