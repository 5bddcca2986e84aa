import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";

/** Minifier settings shared with the size test: `_private` members are renamed too. */
export const terserOptions = {
  ecma: 2020,
  compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
  mangle: { properties: { regex: /^_/ } },
  format: { comments: false },
};

// `tsc` has already written dist/esm (the npm module, one file per source file, with types);
// rollup only bundles the script-tag build, engine included, for `<script src>`.
export default {
  input: "dist/esm/script-tag.js",
  output: {
    file: "dist/sessionmood.min.js",
    format: "iife",
    sourcemap: true,
    plugins: [terser(terserOptions)],
  },
  plugins: [nodeResolve()],
};
