/**
 * The scripted visitors of the accuracy corpus. Each has the mood a careful human would give the
 * session at its end and whether stepping in (chat, tooltip, offer…) would be welcome then.
 * About half are calm — stepping in would only disturb them — and half need help.
 * Page times are in milliseconds; `v` is a `visitor` (see visitor.js).
 */

const calm = (mood) => ({ mood, intervention: false });
const needsHelp = (mood) => ({ mood, intervention: true });
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Reads down a page: a short scroll, then a reading pause, `legs` times. */
async function readDown(v, legs, pauses = [6, 9, 12, 15, 8]) {
  for (let i = 0; i < legs; i++) {
    await v.wheel(350, 500);
    await v.wait(pauses[i % pauses.length] * SECOND);
  }
}

/** Reads down a phone screen: a flick, then a reading pause, `legs` times. */
async function flickDown(v, legs, pauses = [5, 8, 11, 7]) {
  for (let i = 0; i < legs; i++) {
    await v.flick(500);
    await v.wait(pauses[i % pauses.length] * SECOND);
  }
}

/** Fills the checkout form steadily. */
async function fillCard(v) {
  await v.type("#card-name", "Ann Baker");
  await v.type("#card-number", "4242424242424242");
  await v.type("#card-expiry", "0428");
  await v.type("#card-cvc", "123");
}

export const SCENARIOS = [
  // Calm visitors: nothing should interrupt them.
  {
    id: "article-reader",
    description: "Reads a long article to the end with the mouse wheel, pausing 6–15 s on each screen.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/article");
      await v.wait(8 * SECOND);
      await readDown(v, 12);
    },
  },
  {
    id: "article-reader-keyboard",
    description: "Reads a long article with Space and the arrow keys, pausing to read each screen.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/article");
      await v.wait(6 * SECOND);
      for (let i = 0; i < 10; i++) {
        await v.press(i % 3 ? "Space" : "ArrowDown", i % 3 ? 1 : 4, 300);
        await v.wait((7 + (i % 4) * 2) * SECOND);
      }
    },
  },
  {
    id: "article-reader-related",
    description: "Reads an article, follows the related-article link at its end and reads on.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/article");
      await readDown(v, 6, [5, 7, 9]);
      await v.press("End", 1, 2 * SECOND);
      await v.follow("#related", 3 * SECOND);
      await readDown(v, 5, [6, 8, 7]);
    },
  },
  {
    id: "article-skimmer",
    description: "Skims an article at a steady pace, a few seconds per screen, and stops at the end.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/article");
      for (let i = 0; i < 14; i++) {
        await v.wheel(500, 600);
        await v.wait(2500);
      }
    },
  },
  {
    id: "article-text-selector",
    description: "Reads an article and double- and triple-clicks paragraphs to select text to copy.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/article");
      await readDown(v, 3, [6, 8]);
      for (const n of [3, 5]) {
        await v.page.locator("p").nth(n).dblclick();
        await v.wait(1500);
        await v.page.locator("p").nth(n).click({ clickCount: 3 });
        await v.wait(2500);
        await v.page.keyboard.press("Control+C");
        await v.wait(4 * SECOND);
      }
      await readDown(v, 3, [7, 6]);
    },
  },
  {
    id: "comments-fail-reader",
    description: "Reads an article whose comments failed to load (a small notice at the end) and does not care.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/comments-article");
      await readDown(v, 8, [6, 9, 7]);
    },
  },
  {
    id: "adblock-reader",
    description: "Reads a recipe page with an ad blocker that stops the page's third-party ad script.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/ad-article");
      await readDown(v, 8, [7, 5, 9]);
    },
  },
  {
    id: "products-comparer",
    description: "Looks through the product list, ticks three tools to compare, opens the comparison and studies it.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/products");
      await v.wait(4 * SECOND);
      await v.click("#p1 .pick", 2 * SECOND);
      await v.wheel(300, 500);
      await v.wait(4 * SECOND);
      await v.click("#p3 .pick", 2 * SECOND);
      await v.wheel(300, 500);
      await v.wait(5 * SECOND);
      await v.click("#p5 .pick", 2 * SECOND);
      await v.press("Home", 1, 1500);
      await v.click("#compare", 8 * SECOND);
      await v.wait(6 * SECOND);
    },
  },
  {
    id: "products-detail-browser",
    description: "Opens three product pages from the list, reading each and going back with the back button.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/products");
      for (const n of [2, 4, 7]) {
        await v.wheel(200 * (n > 2 ? 1 : 0) + 100, 400);
        await v.wait(3 * SECOND);
        await v.follow(`#p${n} h3 a`, 4 * SECOND);
        await readDown(v, 2, [6, 5]);
        await v.back(3 * SECOND);
      }
    },
  },
  {
    id: "decisive-buyer",
    description: "Goes straight to a product, adds two to the cart, checks out and pays successfully.",
    device: "desktop",
    label: calm("decisive"),
    async run(v) {
      await v.visit("/product?id=3");
      await v.wait(3 * SECOND);
      await v.click("#plus", 800);
      await v.click("#add", 1500);
      await v.follow("#to-checkout", 2 * SECOND);
      await fillCard(v);
      await v.click("#pay", 3 * SECOND);
    },
  },
  {
    id: "decisive-signup",
    description: "Knows the drill: fills the signup form quickly and correctly and creates the account.",
    device: "desktop",
    label: calm("decisive"),
    async run(v) {
      await v.visit("/signup");
      await v.type("#email", "ann@example.com");
      await v.type("#password", "correct horse");
      await v.choose("#region", "US-E1");
      await v.type("#handle", "usann");
      await v.click("#create", 3 * SECOND);
    },
  },
  {
    id: "form-filler-thinking",
    description: "Fills a long application form carefully, stopping to think before some answers.",
    device: "desktop",
    label: calm("focused"),
    async run(v) {
      await v.visit("/apply");
      await v.wait(4 * SECOND);
      await v.type("#first", "Ann");
      await v.type("#last", "Baker");
      await v.type("#email", "ann@example.com");
      await v.wait(3 * SECOND);
      await v.type("#phone", "0612345678");
      await v.type("#street", "Orchard Lane 4");
      await v.type("#postcode", "1234 AB");
      await v.type("#city", "Valley");
      await v.wait(5 * SECOND);
      await v.type("#years", "12");
      await v.type("#plot", "medium");
      await v.type("#grow", "beans, kale, dahlias", { 6: 3 * SECOND });
      await v.wait(6 * SECOND);
      await v.type("#why", "We moved to a flat without a garden and miss growing our own food.", { 9: 4 * SECOND, 40: 3 * SECOND });
      await v.click("#terms", 1 * SECOND);
      await v.click("#submit", 3 * SECOND);
    },
  },
  {
    id: "form-filler-tab",
    description: "Fills the application form with the keyboard, tabbing from field to field.",
    device: "desktop",
    label: calm("focused"),
    async run(v) {
      await v.visit("/apply");
      await v.type("#first", "Bo");
      for (const text of ["Janssen", "bo@example.com", "0687654321", "Dike 12", "4321 CD", "Polder", "3", "small", "herbs"]) {
        await v.tabType(text);
        await v.wait(1500);
      }
      await v.tabType("Fresh herbs for the kitchen.");
      await v.click("#terms", 1 * SECOND);
      await v.click("#submit", 3 * SECOND);
    },
  },
  {
    id: "form-filler-short-break",
    description: "Fills half the form, answers a message in another tab for 40 s, comes back and finishes.",
    device: "desktop",
    label: calm("focused"),
    async run(v) {
      await v.visit("/apply");
      await v.type("#first", "Cas");
      await v.type("#last", "de Vries");
      await v.type("#email", "cas@example.com");
      await v.type("#phone", "0600000000");
      await v.leaveTab(40 * SECOND);
      await v.type("#street", "Main Street 1");
      await v.type("#postcode", "5555 EE");
      await v.type("#city", "Dorp");
      await v.type("#years", "1");
      await v.type("#plot", "small");
      await v.type("#grow", "potatoes");
      await v.click("#terms", 1 * SECOND);
      await v.click("#submit", 3 * SECOND);
    },
  },
  {
    id: "recovered-after-rage",
    description: "Raged at the broken invoice button, then calmly filled the application form for eight minutes.",
    device: "desktop",
    label: calm("focused"),
    async run(v) {
      await v.visit("/invoices");
      await v.clicks("#download", 5);
      await v.visit("/apply");
      const fields = ["first", "last", "email", "phone", "street", "postcode", "city", "years", "plot", "grow"];
      for (let round = 0; round < 2; round++) {
        for (const field of fields) {
          await v.type(`#${field}`, round ? "more" : "answer");
          await v.wait(12 * SECOND);
        }
      }
      await v.type("#why", "Because I love growing vegetables with my kids.");
      await v.click("#terms", 1 * SECOND);
      await v.click("#submit", 3 * SECOND);
    },
  },
  {
    id: "toc-jumper",
    description: "Uses a guide's table of contents: jumps to three parts, reads each, and goes back to the top between them.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/guide");
      await v.wait(4 * SECOND);
      for (const part of [3, 7, 5]) {
        await v.click(`a[href="#part${part}"]`, 2 * SECOND);
        await v.wait(8 * SECOND);
        await v.wheel(250, 400);
        await v.wait(7 * SECOND);
        await v.click(`#part${part} ~ p a.to-top`, 2 * SECOND);
      }
    },
  },
  {
    id: "app-panel-user",
    description: "Works in a dashboard: scrolls its side panels, opens beds to see their details, scrolls the log.",
    device: "desktop",
    label: calm("focused"),
    async run(v) {
      await v.visit("/app");
      for (const bed of [3, 12, 20, 31]) {
        await v.page.mouse.move(200, 400);
        await v.wheel(300, 500);
        await v.click(`#left .row:nth-of-type(${bed}) a`, 3 * SECOND);
        await v.page.mouse.move(900, 400);
        await v.wheel(250, 400);
        await v.wait(4 * SECOND);
      }
    },
  },
  {
    id: "settings-toggler",
    description: "Changes settings: toggles switches, steps the reminder hour up four times, picks a language, opens Advanced, saves.",
    device: "desktop",
    label: calm("decisive"),
    async run(v) {
      await v.visit("/settings");
      await v.wait(3 * SECOND);
      await v.click("#newsletter", 1 * SECOND);
      await v.click("#dark", 1 * SECOND);
      await v.clicks("#hour-plus", 4, 250);
      await v.choose("#language", "Deutsch");
      await v.click("#advanced summary", 2 * SECOND);
      await v.click("#beta", 1 * SECOND);
      await v.click("#save", 2 * SECOND);
    },
  },
  {
    id: "search-paginator",
    description: "Searches the shop and pages through the results with Next, reading each page, and back once with Previous.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/search");
      await v.type("#q", "watering can");
      await v.click("#go", 2 * SECOND);
      for (let i = 0; i < 4; i++) {
        await readDown(v, 1, [5]);
        await v.click("#next-page", 2 * SECOND);
      }
      await v.click("#prev-page", 5 * SECOND);
    },
  },
  {
    id: "spa-navigator",
    description: "Moves around a single-page app through its menu and with the browser's back and forward buttons.",
    device: "desktop",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/spa/");
      await v.wait(4 * SECOND);
      await v.click('a[href="/spa/events"]', 5 * SECOND);
      await v.wheel(300, 500);
      await v.wait(5 * SECOND);
      await v.click('a[href="/spa/members"]', 6 * SECOND);
      await v.back(5 * SECOND);
      await v.forward(4 * SECOND);
      await v.click('a[href="/spa/"]', 5 * SECOND);
      await v.wheel(300, 500);
      await v.wait(6 * SECOND);
    },
  },
  {
    id: "quick-look",
    description: "Opens the shop's home page, looks for three seconds, and that is the whole visit.",
    device: "desktop",
    label: calm("neutral"),
    async run(v) {
      await v.visit("/products");
      await v.wait(3 * SECOND);
    },
  },
  {
    id: "mobile-reader",
    description: "Reads a long article on a phone, flicking up a screen at a time with reading pauses.",
    device: "mobile",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/article");
      await v.wait(5 * SECOND);
      await flickDown(v, 12);
    },
  },
  {
    id: "mobile-product-browser",
    description: "Browses the product list on a phone, taps into two products and goes back to the list.",
    device: "mobile",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/products");
      await flickDown(v, 3, [4, 6]);
      await v.followTap("#p4 h3 a", 3 * SECOND);
      await flickDown(v, 2, [6]);
      await v.back(3 * SECOND);
      await flickDown(v, 2, [5]);
      await v.followTap("#p9 h3 a", 3 * SECOND);
      await flickDown(v, 1, [7]);
    },
  },
  {
    id: "mobile-toc-reader",
    description: "On a phone, taps an entry of the guide's table of contents, reads, taps Back to top, taps another.",
    device: "mobile",
    label: calm("browsing"),
    async run(v) {
      await v.visit("/guide");
      await v.wait(3 * SECOND);
      await v.tap('a[href="#part4"]', 2 * SECOND);
      await flickDown(v, 2, [8, 6]);
      await v.tap("#part5 ~ p a.to-top", 2 * SECOND);
      await v.tap('a[href="#part8"]', 2 * SECOND);
      await flickDown(v, 2, [7, 9]);
    },
  },
  {
    id: "mobile-decisive-buyer",
    description: "On a phone, opens a product, adds it to the cart and pays without hesitation.",
    device: "mobile",
    label: calm("decisive"),
    async run(v) {
      await v.visit("/product?id=2");
      await v.wait(2 * SECOND);
      await v.tap("#add", 1500);
      await v.followTap("#to-checkout", 2 * SECOND);
      await v.tap("#card-name", 500);
      await v.page.keyboard.type("Ann Baker");
      await v.tap("#card-number", 500);
      await v.page.keyboard.type("4242424242424242");
      await v.tap("#card-expiry", 500);
      await v.page.keyboard.type("0428");
      await v.tap("#card-cvc", 500);
      await v.page.keyboard.type("123");
      await v.tap("#pay", 3 * SECOND);
    },
  },

  // Visitors who need help now.
  {
    id: "checkout-pay-fails-rage",
    description: "Fills the checkout, the payment fails with an error message, and the visitor hammers the Pay button.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/checkout-broken");
      await fillCard(v);
      await v.click("#pay", 3 * SECOND);
      await v.clicks("#pay", 6);
      await v.wait(2 * SECOND);
    },
  },
  {
    id: "checkout-error-loop",
    description: "The payment keeps failing: the visitor re-enters the card number and retries four times.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/checkout-broken");
      await fillCard(v);
      for (let i = 0; i < 4; i++) {
        await v.click("#pay", 6 * SECOND);
        await v.page.locator("#card-number").fill("");
        await v.type("#card-number", "4242424242424242");
      }
      await v.click("#pay", 4 * SECOND);
    },
  },
  {
    id: "broken-button-dead-clicks",
    description: "Clicks the Download invoice button that does nothing, waits, clicks again, tries the other one, comes back.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/invoices");
      await v.wait(2 * SECOND);
      await v.click("#download", 3 * SECOND);
      await v.click("#download", 3 * SECOND);
      await v.click(".download-old", 3 * SECOND);
      await v.click("#download", 3 * SECOND);
    },
  },
  {
    id: "broken-button-rage",
    description: "Clicks the broken Download invoice button, then bursts of fast clicks on it.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/invoices");
      await v.click("#download", 2 * SECOND);
      await v.clicks("#download", 5);
      await v.wait(2 * SECOND);
      await v.clicks("#download", 4);
    },
  },
  {
    id: "app-export-broken",
    description: "In the dashboard, the Export button does nothing: clicked, clicked again, then rage.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/app");
      await v.click("#left .row:nth-of-type(4) a", 3 * SECOND);
      await v.click("#export", 3 * SECOND);
      await v.click("#export", 2 * SECOND);
      await v.clicks("#export", 5);
    },
  },
  {
    id: "settings-save-fails",
    description: "Changes settings and Save fails with an error, three times, the last in a burst of clicks.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/settings-broken");
      await v.click("#newsletter", 1 * SECOND);
      await v.click("#save", 3 * SECOND);
      await v.click("#save", 6 * SECOND);
      await v.clicks("#save", 5);
    },
  },
  {
    id: "spa-route-error-retry",
    description: "In the single-page app, the plot map fails to load; the visitor presses Try again several times.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/spa/");
      await v.click('a[href="/spa/plots"]', 3 * SECOND);
      for (let i = 0; i < 3; i++) await v.click("#retry", 6 * SECOND);
      await v.clicks("#retry", 4);
    },
  },
  {
    id: "back-button-bouncer",
    description: "Opens product after product and bounces straight back from each within two seconds.",
    device: "desktop",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/products");
      for (const n of [1, 2, 3, 5, 6]) {
        await v.follow(`#p${n} h3 a`, 1200);
        await v.back(800);
      }
    },
  },
  {
    id: "hunter-fast-scroll",
    description: "Hunts for something in a long article: fast scrolls down and up again and again, never settling.",
    device: "desktop",
    label: needsHelp("confused"),
    async run(v) {
      await v.visit("/article");
      await v.wait(2 * SECOND);
      for (let i = 0; i < 5; i++) {
        await v.wheel(3000, 400);
        await v.wait(1500);
        await v.wheel(-2000, 300);
        await v.wait(1200);
      }
    },
  },
  {
    id: "hunter-products",
    description: "Hunts through the product list: scrolls fast both ways, opens a product, bounces back, scrolls again.",
    device: "desktop",
    label: needsHelp("confused"),
    async run(v) {
      await v.visit("/products");
      for (const n of [6, 2]) {
        await v.wheel(2000, 300);
        await v.wait(1000);
        await v.wheel(-1500, 300);
        await v.wait(1000);
        await v.follow(`#p${n} h3 a`, 2 * SECOND);
        await v.back(1500);
      }
      await v.wheel(2500, 300);
      await v.wheel(-2500, 300);
    },
  },
  {
    id: "signup-confused",
    description: "Stuck on the signup form's workspace handle: hovers the help mark, types, pauses long, deletes, hovers again.",
    device: "desktop",
    label: needsHelp("confused"),
    async run(v) {
      await v.visit("/signup");
      await v.type("#email", "dirk@example.com");
      await v.type("#password", "tulips2026");
      await v.hover("#handle-help", 4 * SECOND);
      await v.type("#handle", "dirk-garden", { 4: 6 * SECOND, 8: 4 * SECOND });
      await v.wait(3 * SECOND);
      for (let i = 0; i < 6; i++) await v.press("Backspace", 1, 200);
      await v.type("#handle", "eu-dirk", { 3: 5 * SECOND });
      await v.hover("#handle-help", 5 * SECOND);
      await v.hover("#region", 3 * SECOND);
      await v.hover("#create", 3 * SECOND);
    },
  },
  {
    id: "signup-validation-confused",
    description: "Submits the signup, gets 'handle does not match the region prefix', tries other handles with long pauses.",
    device: "desktop",
    label: needsHelp("confused"),
    async run(v) {
      await v.visit("/signup");
      await v.type("#email", "eva@example.com");
      await v.type("#password", "sunflower!");
      await v.type("#handle", "eva");
      await v.click("#create", 4 * SECOND);
      await v.hover("#handle-help", 4 * SECOND);
      await v.type("#handle", "-garden", { 1: 5 * SECOND });
      await v.click("#create", 5 * SECOND);
      await v.hover("#region", 4 * SECOND);
      await v.type("#handle", "s", { 0: 7 * SECOND });
      await v.click("#create", 4 * SECOND);
      await v.wait(6 * SECOND);
    },
  },
  {
    id: "search-no-results",
    description: "Searches with terms that find nothing, rewords with long pauses, hovers the filter, scrolls back and forth.",
    device: "desktop",
    label: needsHelp("confused"),
    async run(v) {
      await v.visit("/search");
      await v.type("#q", "hose");
      await v.click("#go", 3 * SECOND);
      await v.page.locator("#q").fill("");
      await v.type("#q", "pipe", { 1: 4 * SECOND });
      await v.click("#go", 3 * SECOND);
      await v.hover("#filter", 4 * SECOND);
      await v.page.locator("#q").fill("");
      await v.type("#q", "tap", { 0: 5 * SECOND, 2: 3 * SECOND });
      await v.click("#go", 3 * SECOND);
      await v.hover("#go", 3 * SECOND);
    },
  },
  {
    id: "guide-lost",
    description: "Lost in the guide: jumps between parts, scrolls up and down again and again, lingers on TOC links without clicking.",
    device: "desktop",
    label: needsHelp("confused"),
    async run(v) {
      await v.visit("/guide");
      await v.hover('a[href="#part2"]', 3 * SECOND);
      await v.hover('a[href="#part6"]', 3 * SECOND);
      await v.click('a[href="#part6"]', 2 * SECOND);
      for (let i = 0; i < 4; i++) {
        await v.wheel(900, 500);
        await v.wait(1500);
        await v.wheel(-1200, 500);
        await v.wait(1500);
      }
      await v.press("Home", 1, 2 * SECOND);
      await v.hover('a[href="#part9"]', 4 * SECOND);
    },
  },
  {
    id: "walked-away",
    description: "Reads the start of an article, then leaves the computer with the tab open for ten minutes.",
    device: "desktop",
    label: needsHelp("disengaged"),
    async run(v) {
      await v.visit("/article");
      await readDown(v, 3, [5, 7]);
      await v.wait(10 * MINUTE);
    },
  },
  {
    id: "tab-away",
    description: "Browses two products, then switches to another tab for ten minutes and is still away.",
    device: "desktop",
    label: needsHelp("disengaged"),
    async run(v) {
      await v.visit("/products");
      await v.wheel(400, 500);
      await v.follow("#p3 h3 a", 4 * SECOND);
      await v.back(3 * SECOND);
      await v.wheel(300, 500);
      await v.wait(3 * SECOND);
      await v.leaveTab(10 * MINUTE, false);
    },
  },
  {
    id: "form-abandoned",
    description: "Starts the application form, fills two fields, leaves the third and does nothing for ten minutes.",
    device: "desktop",
    label: needsHelp("disengaged"),
    async run(v) {
      await v.visit("/apply");
      await v.type("#first", "Dirk");
      await v.type("#last", "Smit");
      await v.click("#email", 2 * SECOND);
      await v.page.mouse.click(900, 60);
      await v.wait(10 * MINUTE);
    },
  },
  {
    id: "checkout-abandoned-tab",
    description: "Fills the name on the checkout, then goes to another tab for ten minutes.",
    device: "desktop",
    label: needsHelp("disengaged"),
    async run(v) {
      await v.visit("/checkout");
      await v.type("#card-name", "Eva Jansen");
      await v.wait(2 * SECOND);
      await v.leaveTab(10 * MINUTE, false);
    },
  },
  {
    id: "mobile-rage-tap",
    description: "On a phone, the payment fails and the visitor taps Pay again and again.",
    device: "mobile",
    label: needsHelp("frustrated"),
    async run(v) {
      await v.visit("/checkout-broken");
      await v.tap("#card-name", 500);
      await v.page.keyboard.type("Ann Baker");
      await v.tap("#card-number", 500);
      await v.page.keyboard.type("4242424242424242");
      await v.tap("#pay", 3 * SECOND);
      await v.taps("#pay", 6);
      await v.wait(2 * SECOND);
    },
  },
  {
    id: "mobile-signup-confused",
    description: "On a phone, stuck at the workspace handle: taps the help mark, long pauses while typing, retries.",
    device: "mobile",
    label: needsHelp("confused"),
    async run(v) {
      await v.visit("/signup");
      await v.tap("#email", 500);
      await v.page.keyboard.type("fien@example.com");
      await v.tap("#handle", 500);
      await v.wait(6 * SECOND);
      await v.page.keyboard.type("fien");
      await v.wait(7 * SECOND);
      await v.page.keyboard.type("-g");
      await v.tap("#create", 4 * SECOND);
      await v.tap("#handle-help", 5 * SECOND);
      await v.tap("#handle", 500);
      await v.wait(5 * SECOND);
      await v.page.keyboard.type("x");
      await v.tap("#create", 5 * SECOND);
    },
  },
  {
    id: "mobile-away",
    description: "Reads a few screens on a phone, then switches apps for ten minutes.",
    device: "mobile",
    label: needsHelp("disengaged"),
    async run(v) {
      await v.visit("/article");
      await flickDown(v, 3, [6, 8]);
      await v.leaveTab(10 * MINUTE, false);
    },
  },
];
