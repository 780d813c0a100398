// Seats and contracts need people to sell and to look after customers: account executives from the start, customer
// success managers as customers accumulate (one per N accounts). They join the team as running roles.
import type { Commercial } from "~/domain/estimate/finance/models";
import { roleRate } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import type { Team, TeamRole } from "~/domain/estimate/types";

export function withCommercialRoles(team: Team, commercial: Commercial | undefined, customersAtHorizon: number): Team {
  if (!commercial) return team;
  const role = (id: "sales_rep" | "customer_success", fte: number, rate: number): TeamRole => ({
    role: id,
    label: roleRate(id).label,
    count: Math.max(1, Math.ceil(fte - 1e-9)),
    ftePerPhase: [{ phaseId: "production_feedback", fte: round3(fte) }],
    personWeeks: 0,
    monthlyRate: roundMoney(rate),
    labourCost: 0,
    runFte: round3(fte),
    runMonthlyCost: roundMoney(fte * rate),
  });
  const sales = role("sales_rep", commercial.salesReps, commercial.salesRate);
  const success = role(
    "customer_success",
    Math.max(0.25, customersAtHorizon / commercial.customersPerSuccessManager),
    commercial.successRate,
  );
  const roles = [...team.roles, sales, success];
  return {
    ...team,
    roles,
    headcount: roles.reduce((s, r) => s + r.count, 0),
    runMonthlyCost: roundMoney(team.runMonthlyCost + sales.runMonthlyCost + success.runMonthlyCost),
  };
}
