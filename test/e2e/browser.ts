// One headless Chromium per test file, Debian's, driven by playwright-core: nothing is downloaded.
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

export const baseUrl = inject("baseUrl");
export const skipReason = inject("skipReason");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * Unpins the sticky site header before an element screenshot, which would otherwise paint it over the middle of a
 * tall element. Through the CSSOM: Playwright's `style` option injects a <style> element, which the app's CSP
 * (style-src 'self') refuses.
 */
export async function unpinHeader(page: Page): Promise<void> {
  await page.evaluate(() => {
    const header = document.querySelector<HTMLElement>(".site-header");
    if (header) header.style.position = "static";
  });
}
