import { estimateCostMicroUsd } from "@/lib/catalog/cost";
import { type CatalogModel, makesVideo, takesImage } from "@/lib/catalog/model-definition";
import { type VideoCost, videoChoiceCost } from "@/lib/catalog/video-cost";
import { type ChosenImage, type FormValues, videoChoiceFor } from "./form-values";

/** What the form's settings will cost at most: the figure the proxy charges before fal runs. */
export type FormEstimate = {
  totalMicroUsd: number;
  /** A video's seconds and per-second rate, for the form to show how the total comes about. */
  video?: VideoCost;
};

/**
 * The estimate of the run the form would send, from the catalog's own pricing: a video's
 * per-second rate at its resolution and audio; an image model's images, each at the input
 * image's size (the largest accepted until it is known).
 */
export function formEstimate(
  model: CatalogModel,
  values: FormValues,
  image: ChosenImage,
): FormEstimate {
  if (makesVideo(model)) {
    const video = videoChoiceCost(model, videoChoiceFor(model, values.video));
    return { totalMicroUsd: video.totalMicroUsd, video };
  }
  const input = {
    prompt: values.prompt,
    num_images: Math.min(values.numImages, model.maxImages),
    ...(takesImage(model) ? {} : { image_size: values.imageSize }),
  };
  return { totalMicroUsd: estimateCostMicroUsd(model, input, image?.dimensions) };
}
