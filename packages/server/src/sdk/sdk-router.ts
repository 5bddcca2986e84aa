import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { Router } from "express";
import { HttpError } from "../http/http-error.js";
import { LIMITS } from "../limits.js";
import type { Services } from "../services.js";

/** GET /sdk/sessionmood.min.js: the SDK's script-tag build, for pages on any site. */
export function sdkRouter({ config }: Services): Router {
  const router = Router();
  const bundle = resolve(config.sdkPath);
  router.get("/sdk/sessionmood.min.js", async (_req, res, next) => {
    const file = await stat(bundle).catch(() => undefined);
    if (!file?.isFile()) {
      throw new HttpError(404, "SDK bundle not found", { message: "The SDK is not built yet: run pnpm build" });
    }
    // The app turns ETags off for API answers; this one is set here, and sendFile answers
    // If-None-Match against it.
    res.setHeader("ETag", `W/"${file.size.toString(16)}-${file.mtimeMs.toString(16)}"`);
    res.sendFile(
      bundle,
      {
        maxAge: LIMITS.SDK_MAX_AGE_S * 1000,
        // The path is fixed, not the request's: installed under pnpm's .pnpm folder, it has a dot segment.
        dotfiles: "allow",
        headers: {
          "Content-Type": "application/javascript; charset=utf-8",
          "Access-Control-Allow-Origin": "*",
          "Cross-Origin-Resource-Policy": "cross-origin",
        },
      },
      (error) => {
        if (error) next(error);
      },
    );
  });
  return router;
}
