import Link from "next/link";
import { site } from "@/lib/site";
import { SampleImage } from "./sample-image";
import { editSample, textToImageSamples } from "./samples";

const features = [
  {
    title: "Describe an image",
    text: "Write what you want to see, in a sentence. Choose a size and how many versions, and pick the one you like.",
  },
  {
    title: "Edit a photo with words",
    text: "Add a photo, or take one you made here, and say what should change: “make it a snowy night”.",
  },
  {
    title: "Make a short video",
    text: "Describe a scene, or animate a picture you made or uploaded: a few seconds of video, with sound if you like, priced before you start.",
  },
  {
    title: "Keep your history",
    text: "Everything you make is kept for your account with its description and settings, on every device you sign in on, ready to make again, edit or delete.",
  },
] as const;

/** The first page a visitor sees: what the app does for them, shown, and the way in. */
export function Landing({ sessionExpired }: { sessionExpired: boolean }) {
  return (
    <div className="space-y-16 py-8 sm:py-12">
      <section className="mx-auto max-w-2xl space-y-6 text-center">
        {sessionExpired && (
          <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
            Your session has expired. Sign in again to continue.
          </p>
        )}
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">{site.name}</p>
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">
          Describe a picture. Get it in seconds.
        </h1>
        <p className="text-lg text-muted">
          Type what you want to see and get images made for you. Change a photo by saying what
          should be different. Come back to everything you made.
        </p>
        <Link href="/sign-in" className="btn-primary px-6 py-3 text-base">
          Sign in to start
        </Link>
      </section>

      <section aria-labelledby="samples-heading" className="space-y-6">
        <div className="space-y-2">
          <h2 id="samples-heading" className="text-2xl font-semibold tracking-tight">
            Ideas to start from
          </h2>
          <p className="text-muted">
            Drawn by hand to show the idea: what you make comes from the model you pick, in seconds.
          </p>
        </div>
        <ul className="grid gap-6 sm:grid-cols-2">
          {textToImageSamples.map((sample) => (
            <li key={sample.src}>
              <figure className="card space-y-3">
                <SampleImage sample={sample} />
                <figcaption className="text-sm text-muted">“{sample.prompt}”</figcaption>
              </figure>
            </li>
          ))}
        </ul>
        <figure className="card space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <SampleImage sample={editSample.before} />
            <SampleImage sample={editSample.after} />
          </div>
          <figcaption className="text-sm text-muted">
            A picture, then the same picture changed with “{editSample.change}”.
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="features-heading" className="space-y-6">
        <h2 id="features-heading" className="text-2xl font-semibold tracking-tight">
          What you can do
        </h2>
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {features.map((feature) => (
            <li key={feature.title} className="card space-y-2">
              <h3 className="font-semibold">{feature.title}</h3>
              <p className="text-sm text-muted">{feature.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
