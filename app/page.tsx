import { auth } from "@/auth";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Generator } from "@/components/generator/generator";
import { Landing } from "@/components/landing/landing";
import { accessOf } from "@/lib/auth/access";
import { catalog } from "@/lib/catalog/models";
import { extraMediaOrigins } from "@/lib/fal/server/emulator-media";
import { appStores } from "@/lib/stores/app-stores";
import { budgetViewOf } from "@/lib/stores/budget-view";
import { runViewOf } from "@/lib/stores/run-view";

// Names for every run the history may list, by model id.
const modelNames = Object.fromEntries(catalog.map((model) => [model.id, model.name]));

export default async function HomePage() {
  const access = accessOf(await auth());

  if (access.status === "signed-out") {
    return <Landing sessionExpired={access.reason === "expired"} />;
  }

  if (access.status === "forbidden") {
    return <NotAllowed user={access.user} reason={access.reason} />;
  }

  // An unreachable store leaves the meter blank and says the history cannot be read; the
  // proxy refuses runs until it is back.
  const stores = appStores();
  const [budget, runs] = await Promise.all([
    stores.budget.status(access.user.id).then(budgetViewOf, () => undefined),
    stores.runs.list(access.user.id).then(
      (list) => list.map(runViewOf),
      () => undefined,
    ),
  ]);
  return (
    <Generator
      models={catalog}
      budget={budget}
      runs={runs}
      modelNames={modelNames}
      mediaOrigins={extraMediaOrigins()}
    />
  );
}
