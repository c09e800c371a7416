import { formatUsd } from "@/lib/catalog/money";
import type { VideoCost } from "@/lib/catalog/video-cost";
import type { FormEstimate } from "./form-estimate";

/** "8 s × $0.05/s = $0.40 (1080p, with audio)": how a video's price comes about. */
export function describeVideoCost(video: VideoCost): string {
  const rate = formatUsd(video.perSecondMicroUsd);
  const variant = `${video.resolution}, ${video.audio ? "with audio" : "silent"}`;
  return `${video.seconds} s × ${rate}/s = ${formatUsd(video.totalMicroUsd)} (${variant})`;
}

/** The estimate beside Generate, and why the run will not start when the budgets fall short. */
export function CostEstimate({
  id,
  estimate,
  overBudget,
}: {
  id: string;
  estimate: FormEstimate;
  overBudget: string | undefined;
}) {
  return (
    <div id={id} className="space-y-1 text-sm">
      <p className="text-muted">
        Estimated cost:{" "}
        <strong>
          {estimate.video ? describeVideoCost(estimate.video) : formatUsd(estimate.totalMicroUsd)}
        </strong>
      </p>
      {overBudget && <p className="text-red-700 dark:text-red-300">{overBudget}</p>}
    </div>
  );
}
