// The load: who uses the tool, how often, on how many days a month (calendar days for consumers and citizens, working
// days for staff: the same count the rules use), and the peak request rate that sizes the serving.
import { daysPerMonth } from "~/domain/calendar";
import { kb } from "~/domain/estimate/assumptions/book";
import { factProvenance, type EstimateContext } from "~/domain/estimate/context";
import { EST } from "~/domain/estimate/kb";

export interface Load {
  users: number;
  interactionsPerUserPerDay: number;
  daysPerMonth: number;
  monthlyRequests: number;
  /** Requests per second in the busiest hour. */
  peakRequestsPerSecond: number;
}

export function planLoad(ctx: EstimateContext): Load {
  const { book, profile } = ctx;
  const u = EST.usage;
  const users = book.get("usage.users", {
    value: profile.users.value,
    ...factProvenance(profile.users, "usage.users"),
    range: { low: profile.users.value * 0.5, high: profile.users.value * 1.5 },
  });
  const ipd = book.get("usage.interactionsPerUserPerDay", {
    value: profile.interactionsPerUserPerDay.value,
    ...factProvenance(profile.interactionsPerUserPerDay, "usage.interactionsPerUserPerDay"),
  });
  const consumer = ctx.market === "toC";
  const cal = consumer ? EST.calendar.calendarDaysPerMonth : EST.calendar.workingDaysPerMonth;
  const days = book.get("feedback.workingDaysPerMonth", { ...kb(cal), value: daysPerMonth(ctx.market) });
  const hours = book.get("compute.activeHoursPerDay", kb(consumer ? u.activeHoursPerDayConsumer : u.activeHoursPerDay));
  const peak = book.get("compute.peakToAverage", kb(u.peakToAverage));
  return {
    users,
    interactionsPerUserPerDay: ipd,
    daysPerMonth: days,
    monthlyRequests: Math.round(users * ipd * days),
    peakRequestsPerSecond: (users * ipd * peak) / (hours * 3600),
  };
}
