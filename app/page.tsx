import Link from "next/link";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Generator } from "@/components/generator/generator";
import { getAccess } from "@/lib/auth/access";
import { budgetViewOf } from "@/lib/budgets/budget-view";
import { models } from "@/lib/catalog/models";
import { historyUserKey } from "@/lib/history/history-user-key";
import { proxySetup } from "@/lib/proxy/proxy-setup";

export default async function HomePage() {
  const access = await getAccess();

  if (access.status === "signed-out") {
    return (
      <section className="mx-auto max-w-2xl space-y-6 py-12 text-center">
        {access.reason === "expired" && (
          <p role="status" className="text-sm text-amber-700 dark:text-amber-400">
            Your session has expired. Sign in again to continue.
          </p>
        )}
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">
          Generate images with fal, safely.
        </h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">
          A Next.js starter where the browser calls fal through your own server: the key stays
          there, only signed-in users get through, and only the models you list can be called.
        </p>
        <Link href="/sign-in" className="btn-primary px-6 py-3 text-base">
          Sign in to start
        </Link>
      </section>
    );
  }

  if (access.status === "forbidden") {
    return <NotAllowed user={access.user} reason={access.reason} />;
  }

  // An unreachable store leaves the meter blank; the proxy refuses runs until it is back.
  const budget = await proxySetup()
    .budget.status(access.user.id)
    .then(budgetViewOf, () => undefined);
  return <Generator models={models} budget={budget} historyKey={historyUserKey(access.user.id)} />;
}
