// A single-page shop using the npm module: every route change below is a `history.pushState`,
// which the SDK reports as a `page_view` by itself; the back button is a `back_nav`.
import { init, localScoring } from "@sessionmood/sdk";
import { createMoodPanel, tapCollector } from "../../shared/mood-panel.js";

/** Where the app is served (/demo/spa/ on the demo server): the bundle sits in its dist/. */
const BASE = new URL("../", import.meta.url).pathname;

const PRODUCTS = [
  { id: "ridgeline", name: "Ridgeline trail runner", price: 129, text: "Sticky rubber and 5 mm lugs for mud and loose gravel." },
  { id: "summit", name: "Summit hiking boot", price: 179, text: "Waterproof leather, ankle support, and a sole that lasts." },
  { id: "harbour", name: "Harbour canvas sneaker", price: 69, text: "Light, breathable, and easy to slip on for the city." },
];

const panel = createMoodPanel(document.getElementById("mood-panel"));
tapCollector((events, answer) => {
  panel.logSent(events);
  panel.showServerMood(answer?.current_mood);
});

const { key, endpoint } = window.SESSIONMOOD_DEMO ?? {};
const tracker = init({ key, endpoint, localScoring, transport: { flushMs: 1000 } });
window.tracker = tracker;
panel.showMood(tracker.getMood());
tracker.onUpdate((mood) => panel.showMood(mood));

const cart = [];
const view = document.getElementById("view");

/** The route under BASE: "", "product/<id>" or "cart". */
function route() {
  return location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : "";
}

function render() {
  const [page, id] = route().split("/");
  const product = PRODUCTS.find((p) => p.id === id);
  if (page === "product" && product) view.innerHTML = productPage(product);
  else if (page === "cart") view.innerHTML = cartPage();
  else view.innerHTML = listPage();
  document.getElementById("cart-count").textContent = String(cart.length);
  document.title = `${view.querySelector("h1")?.textContent ?? "Shop"} · SessionMood SPA demo`;
}

const link = (path, label, className = "") => `<a href="${BASE}${path}" data-route class="${className}">${label}</a>`;

function listPage() {
  const cards = PRODUCTS.map(
    (p) => `<li class="card">${link(`product/${p.id}`, `<h2>${p.name}</h2>`)}<p>${p.text}</p><span class="price">€${p.price}</span></li>`,
  ).join("");
  return `<h1>Shoes</h1><p class="lead">Open a product, add it to the cart, go to the cart: each is a route
    change without a page load. Try the back button too.</p><ul class="grid">${cards}</ul>`;
}

function productPage(p) {
  return `<p>${link("", "← All shoes")}</p><h1>${p.name}</h1><p class="lead">${p.text}</p>
    <p class="price">€${p.price}</p>
    <div class="row"><button id="add" class="primary" data-id="${p.id}">Add to cart</button>
    <button id="size-guide">Size guide</button>${link("cart", "Go to cart", "button")}</div>
    <p class="hint">“Size guide” is broken on purpose: click it three times fast.</p>`;
}

function cartPage() {
  const items = cart.length ? cart.map((p) => `<li>${p.name} <span class="price">€${p.price}</span></li>`).join("") : "<li>Your cart is empty.</li>";
  return `<p>${link("", "← Keep shopping")}</p><h1>Your cart</h1><ul class="lines">${items}</ul>
    <div class="row"><button id="checkout" class="primary">Check out</button><span id="checkout-status" class="status"></span></div>`;
}

function navigate(path) {
  history.pushState({}, "", path);
  render();
  scrollTo(0, 0);
}

document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[data-route]");
  if (anchor && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
    event.preventDefault();
    navigate(anchor.getAttribute("href"));
    return;
  }
  if (event.target.closest("#add")) {
    cart.push(PRODUCTS.find((p) => p.id === event.target.closest("#add").dataset.id));
    render();
  }
  if (event.target.closest("#checkout")) {
    document.getElementById("checkout-status").textContent = "Contacting the payment service…";
    // Port 9 never answers: the checkout fails as it would when a payment service is down.
    fetch("http://127.0.0.1:9/api/checkout", { method: "POST" }).catch(() => {
      document.getElementById("checkout-status").textContent = "Payment service unavailable. Try again later.";
    });
  }
});
addEventListener("popstate", render);
render();
