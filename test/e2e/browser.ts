// One headless Chromium per test file, Debian's, driven by playwright-core: nothing is downloaded.
import { chromium, type Browser } from "playwright-core";
import { inject } from "vitest";

export const baseUrl = inject("baseUrl");
export const skipReason = inject("skipReason");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}
