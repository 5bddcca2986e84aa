// The demo's "what SessionMood sees" panel and the pop-ups a site would show for each suggested
// action. Everything is drawn inside a shadow root: after a click the SDK watches the page's DOM
// to tell a dead click from a working one, and the demo's own display must not count as the
// page reacting (a MutationObserver on the document does not see into shadow roots).

const MOOD_COLORS = {
  frustrated: "#dc2626",
  confused: "#d97706",
  decisive: "#059669",
  browsing: "#2563eb",
  disengaged: "#6b7280",
  focused: "#7c3aed",
  neutral: "#64748b",
};

/** What a site could do for each suggested action; `no_action` shows nothing. */
const ACTIONS = {
  show_live_chat: {
    title: "Need help? Chat with us",
    text: "Something seems not to work for you. A real person can sort it out right now.",
    button: "Start chat",
  },
  show_tooltip: {
    title: "Looking for something?",
    text: "Tip: the stepper sets the quantity, and “Add to cart” keeps your choice.",
    button: "Got it",
  },
  show_recommendations: {
    title: "You might also like",
    text: "Trail runners · Merino socks · Rain jacket",
    button: "Show me",
  },
  show_exit_offer: {
    title: "Still there?",
    text: "Here is 10% off if you finish your order today: code STAYAWHILE.",
    button: "Use code",
  },
};

const STYLE = `
:host { all: initial; display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #0f172a; }
.panel, .popup { --mood: #64748b; }
.panel { background: #fff; border: 1px solid #e2e8f0; border-radius: 14px; padding: 18px 18px 14px;
  box-shadow: 0 8px 30px rgba(15, 23, 42, .08); }
h2 { margin: 0 0 12px; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: #64748b; }
h3 { margin: 16px 0 6px; font-size: 12px; letter-spacing: .06em; text-transform: uppercase; color: #94a3b8; }
.mood { display: flex; align-items: center; gap: 10px; }
.badge { font-size: 22px; font-weight: 700; text-transform: capitalize; }
.dot { width: 14px; height: 14px; border-radius: 50%; background: var(--mood); box-shadow: 0 0 0 4px color-mix(in srgb, var(--mood) 20%, transparent); }
.bar { height: 6px; border-radius: 3px; background: #f1f5f9; margin: 10px 0 4px; overflow: hidden; }
.bar span { display: block; height: 100%; width: 0; background: var(--mood); transition: width .3s; }
.muted { color: #64748b; font-size: 13px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; min-height: 24px; }
.chip { background: #f1f5f9; border-radius: 999px; padding: 2px 10px; font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.action { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
ol { list-style: none; margin: 0; padding: 0; max-height: 220px; overflow: auto; }
li { display: flex; gap: 8px; padding: 4px 0; border-top: 1px solid #f1f5f9; font-size: 13px; }
li time { color: #94a3b8; font: 12px ui-monospace, monospace; flex: none; }
li b { font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
li .detail { color: #64748b; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.popup { position: fixed; right: 24px; bottom: 24px; width: 300px; background: #0f172a; color: #f8fafc;
  border-radius: 14px; padding: 16px 18px; box-shadow: 0 16px 40px rgba(15, 23, 42, .35); }
.popup[hidden] { display: none; }
.popup strong { display: block; font-size: 16px; margin-bottom: 4px; }
.popup p { margin: 0 0 12px; color: #cbd5e1; }
.popup button { font: inherit; border: 0; border-radius: 8px; padding: 8px 14px; background: #38bdf8; color: #0f172a; font-weight: 600; cursor: pointer; }
.popup .close { position: absolute; top: 8px; right: 10px; background: none; color: #94a3b8; padding: 4px; font-size: 18px; line-height: 1; }
.popup small { display: block; margin-top: 10px; color: #64748b; font: 11px ui-monospace, monospace; }
`;

const TEMPLATE = `
<section class="panel" data-ref="panel">
  <h2>What SessionMood sees</h2>
  <div class="mood"><span class="dot"></span><span class="badge" data-ref="mood">waiting…</span></div>
  <div class="bar"><span data-ref="confidence-bar"></span></div>
  <div class="muted">confidence <span data-ref="confidence">–</span> · scored in the page</div>
  <h3>Signals</h3>
  <div class="chips" data-ref="signals"></div>
  <h3>Suggested action</h3>
  <div class="action" data-ref="action">no_action</div>
  <h3>Server's mood</h3>
  <div class="muted" data-ref="server">nothing sent yet</div>
  <h3>Last events sent</h3>
  <ol data-ref="log"></ol>
</section>
<aside class="popup" data-ref="popup" hidden role="dialog" aria-live="polite">
  <button class="close" data-ref="close" aria-label="Close">×</button>
  <strong data-ref="popup-title"></strong>
  <p data-ref="popup-text"></p>
  <button data-ref="popup-button"></button>
  <small data-ref="popup-action"></small>
</aside>`;

/**
 * Draws the panel into `host` and returns what updates it: `showMood` with what `onMood` gave,
 * `showServerMood` with the mood the server answered a batch with, `logSent` with the events of a batch.
 */
export function createMoodPanel(host) {
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>${STYLE}</style>${TEMPLATE}`;
  const ref = (name) => root.querySelector(`[data-ref="${name}"]`);
  const popup = ref("popup");
  const themed = [ref("panel"), popup];
  let dismissed = "";
  ref("close").addEventListener("click", () => {
    dismissed = popup.dataset.action;
    popup.hidden = true;
  });

  const showAction = (action) => {
    const content = ACTIONS[action];
    if (!content || action === dismissed) {
      popup.hidden = true;
      return;
    }
    popup.dataset.action = action;
    ref("popup-title").textContent = content.title;
    ref("popup-text").textContent = content.text;
    ref("popup-button").textContent = content.button;
    ref("popup-action").textContent = `suggested_action: ${action}`;
    popup.hidden = false;
  };

  return {
    showMood(mood) {
      if (!mood) return;
      // Set inside the shadow root: a style attribute on the host would be a change in the page.
      for (const element of themed) element.style.setProperty("--mood", MOOD_COLORS[mood.mood] ?? MOOD_COLORS.neutral);
      ref("mood").textContent = mood.mood;
      ref("confidence").textContent = `${Math.round(mood.confidence * 100)}%`;
      ref("confidence-bar").style.width = `${Math.round(mood.confidence * 100)}%`;
      ref("signals").replaceChildren(
        ...mood.signals.map((signal) => Object.assign(document.createElement("span"), { className: "chip", textContent: signal })),
      );
      ref("action").textContent = mood.suggested_action;
      showAction(mood.suggested_action);
    },
    /** The events endpoint answers each batch with the mood's name (`current_mood`). */
    showServerMood(mood) {
      if (mood) ref("server").textContent = `${mood} (after the last batch)`;
    },
    logSent(events) {
      const log = ref("log");
      for (const event of events) {
        const item = document.createElement("li");
        const time = document.createElement("time");
        time.textContent = new Date((event.ts ?? Date.now() / 1000) * 1000).toLocaleTimeString();
        const type = document.createElement("b");
        type.textContent = event.type;
        const detail = document.createElement("span");
        detail.className = "detail";
        detail.textContent = detailOf(event);
        item.append(time, type, detail);
        log.prepend(item);
      }
      while (log.children.length > 12) log.lastElementChild.remove();
    },
  };
}

function detailOf(event) {
  if (event.type === "click") return event.dead ? "dead: no response" : `at ${event.x}, ${event.y}`;
  if (event.url) return new URL(event.url).pathname;
  if (event.message) return event.message;
  if (event.speed) return `${event.direction}, ${event.speed} px/s`;
  if (event.duration_ms) return `${(event.duration_ms / 1000).toFixed(1)} s`;
  return "";
}

/**
 * Lets the demo show what the SDK sends: wraps `fetch` (before the SDK starts) and calls
 * `onBatch(events, answer)` for every batch posted to the collector. Beacons sent as the page is
 * left are not seen, which is fine for a panel on that page.
 */
export function tapCollector(onBatch) {
  const native = window.fetch;
  window.fetch = function (input, init) {
    const response = native.call(this, input, init);
    if (String(input).includes("/v1/sessions/") && typeof init?.body === "string") {
      const { events = [] } = JSON.parse(init.body);
      response
        .then((r) => r.clone().json())
        .then(
          (answer) => onBatch(events, answer),
          () => onBatch(events, null),
        );
    }
    return response;
  };
}
