import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, headless; the flags keep it from calling home or needing a GPU or sandbox. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A Vietnamese phone, 390 px wide (iPhone 12–15). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' };

/** A laptop screen, 1280×900. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };
