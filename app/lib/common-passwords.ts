// The 49,233 passwords people pick most (zxcvbn's bundled list, gathered from published breach corpora, all lower
// case) plus a few of ours. Loaded on the first check, never at import: unpacking it takes 40–90 ms of CPU (more on a
// busy machine), which the server's boot and the command line's other commands do not pay.
const OURS = ["tierwise1234", "tierwisetierwise", "administrator", "changeme1234", "woaini1314520", "woaini5201314", "1314520woaini"];

let list: Promise<ReadonlySet<string>> | undefined;

export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  list ??= import("@zxcvbn-ts/language-common/dist/passwords.json.mjs").then(
    (m) => new Set([...m.default, ...OURS]),
    (error: unknown) => {
      list = undefined;
      throw error;
    },
  );
  return list;
}
