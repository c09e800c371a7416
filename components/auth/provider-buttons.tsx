import type { ProviderSummary } from "@/lib/auth/providers";
import { signInWith } from "./actions";

export function ProviderButtons({ providers }: { providers: ProviderSummary[] }) {
  return (
    <ul className="space-y-3">
      {providers.map((provider) => (
        <li key={provider.id}>
          <form action={signInWith.bind(null, provider.id)}>
            <button type="submit" className="btn-primary w-full">
              Sign in with {provider.name}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
