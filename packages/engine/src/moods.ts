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

/** What a page can do about a mood while the visitor is still there. */
export const ACTION_BY_MOOD = {
  frustrated: "show_live_chat",
  confused: "show_tooltip",
  decisive: "no_action",
  browsing: "show_recommendations",
  disengaged: "show_exit_offer",
  focused: "no_action",
  neutral: "no_action",
} as const satisfies Record<Mood, string>;

export type SuggestedAction = (typeof ACTION_BY_MOOD)[Mood];

/**
 * Actions that replace the defaults of `ACTION_BY_MOOD` for some moods, such as a policy learned
 * from feedback; the page and the server pass the same one so both suggest the same action.
 */
export type ActionPolicy = Partial<Record<Mood, SuggestedAction>>;
