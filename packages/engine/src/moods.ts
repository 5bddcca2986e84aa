/** The seven moods, in a fixed order used wherever moods are listed. */
export const MOODS = [
  "frustrated",
  "confused",
  "decisive",
  "browsing",
  "disengaged",
  "focused",
  "neutral",
] as const;

export type Mood = (typeof MOODS)[number];

/** What a page can do for a visitor while they are still there. */
export const SUGGESTED_ACTIONS = [
  "show_live_chat",
  "show_tooltip",
  "show_recommendations",
  "show_exit_offer",
  "no_action",
] as const;

export type SuggestedAction = (typeof SUGGESTED_ACTIONS)[number];

/**
 * The action each mood suggests unless a policy says otherwise. Every action interrupts, so the
 * calm moods suggest none: a browsing visitor is looking around happily, and recommendations
 * pushed at every reader would be a false alarm. A site whose recommendations help its browsers
 * learns that from feedback (a policy), or shows them itself on `mood === "browsing"`.
 */
export const ACTION_BY_MOOD = {
  frustrated: "show_live_chat",
  confused: "show_tooltip",
  decisive: "no_action",
  browsing: "no_action",
  disengaged: "show_exit_offer",
  focused: "no_action",
  neutral: "no_action",
} as const satisfies Record<Mood, SuggestedAction>;

/**
 * Actions that replace the defaults of `ACTION_BY_MOOD` for some moods, such as a policy learned
 * from feedback; the page and the server pass the same one so both suggest the same action.
 */
export type ActionPolicy = Partial<Record<Mood, SuggestedAction>>;
