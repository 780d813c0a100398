// data/rules.json: dimensions and weights, grade and verdict thresholds, score rules, gates and risks.
import raw from "../../../data/rules.json";
import { loadOrThrow, RulesFileSchema, type RulesFile } from "~/domain/kb/schemas";

export const RULES: RulesFile = loadOrThrow(RulesFileSchema, raw, "data/rules.json");
