import { describe, expect, it } from "vitest";
import { cleanUrl, hashRoute, stripQueryStrings } from "./cleanUrl.js";

describe("cleanUrl", () => {
  it("sends a page address without its query string and anchor", () => {
    expect(cleanUrl("https://shop.example/cart?email=a%40b.c&token=x#top")).toBe("https://shop.example/cart");
  });

  it("keeps a hash route but not the route's own query", () => {
    expect(cleanUrl("https://app.example/#/orders/42?coupon=SECRET")).toBe("https://app.example/#/orders/42");
    expect(hashRoute("#!/settings")).toBe("#!/settings");
    expect(hashRoute("#section-2")).toBe("");
  });

  it("sends the full address when the site opts in", () => {
    expect(cleanUrl("https://shop.example/cart?page=2", true)).toBe("https://shop.example/cart?page=2");
  });
});

describe("stripQueryStrings", () => {
  it("removes query strings from every URL in an error message", () => {
    expect(stripQueryStrings("GET https://api.example/users?token=abc failed; see http://x.example/a#b")).toBe(
      "GET https://api.example/users failed; see http://x.example/a",
    );
  });

  it("leaves text without URLs alone", () => {
    expect(stripQueryStrings("Cannot read properties of undefined (reading 'x')")).toBe(
      "Cannot read properties of undefined (reading 'x')",
    );
  });
});
