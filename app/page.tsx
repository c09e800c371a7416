import { auth } from "@/auth";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Generator } from "@/components/generator/generator";
import { Landing } from "@/components/landing/landing";
import { accessOf } from "@/lib/auth/access";
import { catalog } from "@/lib/catalog/models";
import { extraMediaOrigins } from "@/lib/fal/server/emulator-media";
import { historyUserKey } from "@/lib/history/history-user-key";
import { appStores } from "@/lib/stores/app-stores";
import { budgetViewOf } from "@/lib/stores/budget-view";

export default async function HomePage() {
  const access = accessOf(await auth());

  if (access.status === "signed-out") {
    return <Landing sessionExpired={access.reason === "expired"} />;
  }

  if (access.status === "forbidden") {
    return <NotAllowed user={access.user} reason={access.reason} />;
  }

  // An unreachable store leaves the meter blank; the proxy refuses runs until it is back.
  const budget = await appStores()
    .budget.status(access.user.id)
    .then(budgetViewOf, () => undefined);
  return (
    <Generator
      models={catalog}
      budget={budget}
      historyKey={historyUserKey(access.user.id)}
      mediaOrigins={extraMediaOrigins()}
    />
  );
}
