import { runMixedLoad, seed, warmUp } from "./support/mixed-load";
import { startBuiltServer } from "../test/support/built-server";
const s = await startBuiltServer({ env: { TIERWISE_TRUST_PROXY: "1", NODE_OPTIONS: "--import /tmp/prof-hook.mjs --import /tmp/eld2.mjs", PROF_MS: "60000", ELD_DIR: "/tmp/eld" } });
try {
  const ids = await seed(s.url, 50);
  await warmUp([s.url], ids);
  const r = await runMixedLoad({ urls: [s.url], clients: 200, seconds: 20, ids, clientAddresses: true });
  console.log(JSON.stringify({ save: r.routes.save, page: r.routes.page, perSecond: r.perSecond }));
} finally { await s.stop(); }
