/** Sources are cited by number in the tables ("[3]") and listed in full, numbered, in the appendix. */
export class SourceList {
  private seen = new Map<string, number>();
  private list: string[] = [];
  add(s: string | undefined | null): string {
    const v = (s ?? "").trim();
    if (!v) return "";
    let n = this.seen.get(v);
    if (n === undefined) {
      this.list.push(v);
      n = this.list.length;
      this.seen.set(v, n);
    }
    return `[${n}]`;
  }
  refs(list: readonly (string | undefined | null)[]): string {
    return [...new Set(list.map((s) => this.add(s)).filter(Boolean))].join(" ");
  }
  values(): string[] {
    return [...this.list];
  }
}
