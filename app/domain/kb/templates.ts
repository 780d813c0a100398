// data/templates.json: scenarios to start from, drawn from the seed, each in Chinese and in English.
import raw from "../../../data/templates.json";
import { loadOrThrow, TemplatesFileSchema, type ScenarioTemplate } from "~/domain/kb/schemas";

const file = loadOrThrow(TemplatesFileSchema, raw, "data/templates.json");

export const TEMPLATES: readonly ScenarioTemplate[] = file.templates;

export function findTemplate(id: string): ScenarioTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
