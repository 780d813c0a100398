import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The domain is pure: no framework, Node, database, LLM SDK or PDF library in app/domain/.
const domainForbidden = [
  { group: ["@remix-run/*", "react", "react-dom", "react/*", "react-dom/*"], message: "app/domain is framework-free." },
  {
    group: ["node:*", "fs", "path", "os", "child_process", "crypto", "http", "https", "url", "util", "stream", "worker_threads"],
    message: "app/domain must not touch Node APIs.",
  },
  { group: ["sqlite3", "sqlite3/*"], message: "app/domain must not touch the database." },
  { group: ["openai", "openai/*"], message: "app/domain must not call the LLM SDK." },
  {
    group: ["pdfmake", "pdfmake/*", "pdfkit", "@napi-rs/canvas", "chart.js", "chart.js/*", "react-chartjs-2"],
    message: "app/domain must not render.",
  },
  {
    group: ["~/models/*", "~/llm/*", "~/report/*", "~/routes/*", "~/components/*", "**/*.server", "**/*.server.ts"],
    message: "app/domain depends on nothing outside itself and data/.",
  },
];

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "public/build/**", ".cache/**", "bench/out/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        fetch: "readonly",
        Request: "readonly",
        Response: "readonly",
        Headers: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        performance: "readonly",
        structuredClone: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        FormData: "readonly",
        Blob: "readonly",
        URLSearchParams: "readonly",
        queueMicrotask: "readonly",
        setImmediate: "readonly",
        global: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: domainForbidden }] },
  },
);
