import nodeResolve from "@rollup/plugin-node-resolve";

// The single-page app imports the SDK as a site's bundler would: from the npm package.
export default {
  input: "spa/src/app.js",
  output: { file: "spa/dist/app.js", format: "es" },
  plugins: [nodeResolve()],
};
