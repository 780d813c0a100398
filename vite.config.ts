import { vitePlugin as remix } from "@remix-run/dev";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { writeWorkers } from "./app/lib/worker-entry.server";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** Worker-thread entries (the SQLite connection, the PDF renderers) are files of their own beside the server build. */
function workerEntries(): Plugin {
  let root = "";
  let outDir = "";
  let ssr = false;
  return {
    name: "tierwise-worker-entries",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      ssr = Boolean(config.build.ssr);
    },
    async closeBundle() {
      if (ssr) await writeWorkers(root, outDir);
    },
  };
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
    workerEntries(),
  ],
  ssr: {
    // native modules and server-only libraries stay external in the server bundle
    external: ["sqlite3", "@napi-rs/canvas", "pdfmake", "pg", "piscina"],
  },
});
