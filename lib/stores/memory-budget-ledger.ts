import "server-only";
import type { BudgetLedger, LedgerLimits } from "./budget-ledger";

type DayBook = { day: string; users: Map<string, number>; app: number };

/**
 * One instance's spend, for today only. Each charge checks and adds without an `await` in
 * between, so concurrent requests cannot both take the last of a budget. A new day replaces
 * the book, so old days never accumulate; a refund after midnight credits the replaced book,
 * which nothing reads any more. Within a day the book holds one number per user who spent,
 * and only admitted (allow-listed) users get this far.
 */
export function memoryBudgetLedger(limits: LedgerLimits): BudgetLedger {
  let book: DayBook = { day: "", users: new Map(), app: 0 };
  const bookFor = (day: string): DayBook => {
    if (book.day !== day) book = { day, users: new Map(), app: 0 };
    return book;
  };

  const refund = (today: DayBook, userId: string, cost: number) => {
    const left = (today.users.get(userId) ?? 0) - cost;
    if (left > 0) today.users.set(userId, left);
    else today.users.delete(userId);
    today.app = Math.max(0, today.app - cost);
  };

  return {
    async charge({ day }, userId, cost) {
      const today = bookFor(day);
      const spent = { user: today.users.get(userId) ?? 0, app: today.app };
      if (spent.user + cost > limits.userMicroUsd)
        return { charged: false, refusedBy: "user", spent };
      if (spent.app + cost > limits.appMicroUsd) return { charged: false, refusedBy: "app", spent };
      today.users.set(userId, spent.user + cost);
      today.app += cost;
      return { charged: true, refund: async () => refund(today, userId, cost) };
    },
    async spent(day, userId) {
      const today = bookFor(day);
      return { user: today.users.get(userId) ?? 0, app: today.app };
    },
    async refund(day, userId, cost) {
      // A day already replaced by a new one is read by nobody: nothing to give back there.
      if (book.day === day) refund(book, userId, cost);
    },
  };
}
