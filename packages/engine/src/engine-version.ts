/**
 * The version of the engine's tuning and state format. It changes whenever either does, and a
 * stored state of another version must be rebuilt from its events (see `isCurrentState`).
 */
export const ENGINE_VERSION = 5;
