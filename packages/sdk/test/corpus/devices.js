/** Page time at the start of every recorded session: fixed, so re-recordings share their timestamps. */
export const START = new Date("2026-03-02T10:00:00Z");

/** The third-party script an ad blocker refuses on the ad-supported page. */
export const THIRD_PARTY = "https://ads.example-adnetwork.com";

/**
 * Browser contexts of the two kinds of visitor, with ordinary browsers' user agents so no crawler
 * check hides their events.
 */
export const DEVICES = {
  desktop: {
    viewport: { width: 1280, height: 800 },
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    locale: "en-GB",
  },
  mobile: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    locale: "en-GB",
  },
};
