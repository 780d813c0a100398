// A GPU by its name as sold ("NVIDIA GeForce RTX 4090 24GB"), not the catalogue's id ("rtx4090-24g"): the name is a
// proper name, the same in both languages; the id is a key. Read from the one catalogue, data/gpus.json.
import raw from "../../data/gpus.json";

const NAMES = new Map((raw as { gpus: { id: string; name: string }[] }).gpus.map((g) => [g.id, g.name]));

export function gpuName(id: string): string {
  return NAMES.get(id) ?? id;
}
