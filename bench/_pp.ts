import { runReview } from "../src/core/runReview";
import { planNextMonth } from "../src/core/plan/planNextMonth";
import { pickPlanVisits } from "../src/core/plan/pickPlanVisits";
import { scheduleVisits } from "../src/core/plan/scheduleVisits";
import { listGreetings } from "../src/core/plan/listGreetings";
import { listFestivals } from "../src/core/plan/listFestivals";
import { listWorkingDays } from "../src/core/plan/listWorkingDays";
import { generateWorkbook } from "./generate";
const cpu = <T>(label: string, f: () => T): T => {
  const c0 = process.cpuUsage();
  const r = f();
  const c = process.cpuUsage(c0);
  console.log(label, ((c.user + c.system) / 1000).toFixed(0));
  return r;
};
const wb = generateWorkbook(1);
const review = runReview(wb.grids);
const month = review.month + 1;
for (let k = 0; k < 3; k++) {
  cpu("whole", () => planNextMonth(review, "zh-CN"));
  const { days } = cpu("days", () => listWorkingDays(month, "zh-CN"));
  const picked = cpu("pick", () => pickPlanVisits(review.results, 99999, review.credit?.receivables.flag));
  const c = review.customers;
  const toPlace = cpu("toPlace", () =>
    picked.map(({ customer }) => ({
      customer,
      rep: c.rep[customer],
      region: c.region[customer] ?? null,
      tier: review.results[customer].tier,
      due: review.results[customer].due,
      key: c.sortKey(customer),
    })),
  );
  cpu("schedule", () => scheduleVisits(toPlace, days, 4, (a, b) => a - b));
  const greeted = review.results.map((r, i) => ({
    tier: r.tier,
    rep: c.rep[i],
    birthday: review.planInputs ? review.planInputs.birthday[i] : null,
    firstTrade: c.firstTrade[i],
  }));
  cpu("greet", () => listGreetings(greeted, month, listFestivals(month, "zh-CN")));
}
