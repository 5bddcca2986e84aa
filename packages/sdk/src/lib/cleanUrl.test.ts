import { describe, expect, it } from "vitest";
import { cleanUrl, hashRoute, scrub } from "./cleanUrl.js";

describe("cleanUrl", () => {
  it("sends a page address without its query string and anchor", () => {
    expect(cleanUrl("https://shop.example/cart?email=a%40b.c&token=x#top")).toBe("https://shop.example/cart");
  });

  it("keeps a hash route but not the route's own query", () => {
    expect(cleanUrl("https://app.example/#/orders/42?coupon=SECRET")).toBe("https://app.example/#/orders/42");
    expect(hashRoute("#!/settings")).toBe("#!/settings");
    expect(hashRoute("#section-2")).toBe("");
  });

  it("replaces secret-looking path segments, in a hash route too", () => {
    expect(cleanUrl("https://app.example/reset/8f14e45fceea167a5a36dedd4bea2543?x=1")).toBe("https://app.example/reset/:token");
    expect(cleanUrl("https://app.example/#/users/ann@example.com/orders/98765")).toBe(
      "https://app.example/#/users/:email/orders/:id",
    );
  });

  it("sends the full address, ids and all, when the site opts in", () => {
    expect(cleanUrl("https://shop.example/users/1234?page=2", true)).toBe("https://shop.example/users/1234?page=2");
  });
});

describe("scrub", () => {
  it.each([
    ["/reset/8f14e45fceea167a5a36dedd4bea2543", "/reset/:token"],
    ["/orders/3fa85f64-5717-4562-b3fc-2c963f66afa6", "/orders/:uuid"],
    ["/orders/3FA85F64-5717-4562-B3FC-2C963F66AFA6/items", "/orders/:uuid/items"],
    ["/users/1234/edit", "/users/:id/edit"],
    ["/users/1234", "/users/:id"],
    ["/account/ann.lee+shop@mail.example.com/settings", "/account/:email/settings"],
    ["/account/ann%40mail.example.com", "/account/:email"],
    ["/invite/Xk29aPq7LmN3vR8sT1", "/invite/:token"],
    ["/files/deadbeefdeadbeefdeadbeef.pdf", "/files/:token.pdf"],
    ["/cards/4111111111111111", "/cards/:token"],
    ["/a/123/b/4567/c", "/a/:id/b/:id/c"],
  ])("%s is sent as %s", (path, expected) => {
    expect(scrub(path)).toBe(expected);
  });

  it.each([
    "/blog/2024/hello-world",
    "/blog/2024/05/31/summer-sale",
    "/v2/",
    "/api/v1/products",
    "/products/7",
    "/page/12",
    "/checkout/shipping-address",
    "/internationalization",
    "/products/iphone-15-pro-max-256gb",
    "/search",
    "/",
  ])("%s is kept as it is", (path) => {
    expect(scrub(path)).toBe(path);
  });

  it("removes query strings, emails, UUIDs and tokens from an error message, and leaves the rest", () => {
    expect(
      scrub(
        "GET https://api.example/users/98765/reset/8f14e45fceea167a5a36dedd4bea2543?token=abc failed for ann@example.com (order 3fa85f64-5717-4562-b3fc-2c963f66afa6) at line 12345",
      ),
    ).toBe("GET https://api.example/users/:id/reset/:token failed for :email (order :uuid) at line 12345");
  });

  it("leaves text without anything secret-looking alone", () => {
    const message = "Cannot read properties of undefined (reading 'x') at https://shop.example/app.js:12:7";
    expect(scrub(message)).toBe(message);
  });
});
