// Unit economics at the horizon, per active unit: what a user (or seat) costs to serve, the gross margin, the margin a
// paying unit brings over its life (LTV), what it costs to acquire (CAC), their ratio and the CAC payback. null where a
// figure does not apply (savings and cost-only plans have no price; usage has no churn).
import type { FinanceParams } from "~/domain/estimate/finance/params";
import type { Projection } from "~/domain/estimate/finance/project";
import { roundMoney, round3 } from "~/domain/estimate/money";
import type { UnitEconomics } from "~/domain/estimate/types";

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? null : round3(a / b));

export function unitEconomics(p: FinanceParams, base: Projection): UnitEconomics {
  const last = base.last;
  const costPerActiveUserMonth = last.activeUsers > 0 ? roundMoney(last.cost / last.activeUsers) : null;
  let arpu: number | null = null;
  let churn: number | null = null;
  let cac: number | null = null;
  let variablePerUnit = p.variablePerActiveUser;
  switch (p.revenueModel) {
    case "subscription":
      arpu = p.subscription.pricePerUserMonth;
      churn = p.subscription.monthlyChurnRate;
      cac = p.acquisitionCost;
      break;
    case "seats":
    case "contract": {
      const a = p.accounts;
      arpu = a.perSeat ? a.pricePerMonth * a.seatsPerCustomer : a.pricePerMonth;
      churn = a.customerMonthlyChurnRate;
      cac = p.acquisitionCost;
      variablePerUnit = p.variablePerActiveUser * a.seatsPerCustomer + a.successCostPerCustomer;
      break;
    }
    case "usage":
      arpu = p.usage.usesPerUserMonth * p.usage.pricePerUse;
      cac = p.acquisitionCost > 0 ? p.acquisitionCost : null;
      break;
    default:
      return { costPerActiveUserMonth, grossMargin: null, ltv: null, cac: null, ltvToCac: null, paybackMonths: null };
  }
  const marginPerUnit = arpu * (1 - p.channelFeeShare) - variablePerUnit;
  const grossMargin = arpu > 0 ? round3(marginPerUnit / arpu) : null;
  const ltv = churn !== null && churn > 0 ? roundMoney(marginPerUnit / churn) : null;
  return {
    costPerActiveUserMonth,
    grossMargin,
    ltv,
    cac: cac === null ? null : roundMoney(cac),
    ltvToCac: ratio(ltv, cac),
    paybackMonths: cac === null || marginPerUnit <= 0 ? null : round3(cac / marginPerUnit),
  };
}
