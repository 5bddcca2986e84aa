# SessionMood server: the API, the SDK bundle it serves, and the API reference.
# docker build -t sessionmood . && docker run -p 3000:3000 -v sessionmood-data:/data sessionmood

FROM node:20-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 compiles its native addon when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY packages/engine/package.json packages/engine/
COPY packages/sdk/package.json packages/sdk/
COPY packages/server/package.json packages/server/
COPY examples/package.json examples/
RUN npx -y pnpm@10 install --frozen-lockfile
COPY packages packages
COPY examples examples
RUN npx -y pnpm@10 --filter @sessionmood/engine --filter @sessionmood/sdk --filter @sessionmood/server run build \
  && npx -y pnpm@10 install --frozen-lockfile --prod --filter @sessionmood/server...

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SESSIONMOOD_DB=/data/sessionmood.db
WORKDIR /app
COPY --from=build /src/package.json /src/pnpm-workspace.yaml ./
COPY --from=build /src/node_modules node_modules
COPY --from=build /src/packages/engine/package.json packages/engine/package.json
COPY --from=build /src/packages/engine/dist packages/engine/dist
COPY --from=build /src/packages/sdk/package.json packages/sdk/package.json
COPY --from=build /src/packages/sdk/dist packages/sdk/dist
COPY --from=build /src/packages/sdk/node_modules packages/sdk/node_modules
COPY --from=build /src/packages/server/package.json packages/server/package.json
COPY --from=build /src/packages/server/dist packages/server/dist
COPY --from=build /src/packages/server/node_modules packages/server/node_modules
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself, not a package manager, so SIGTERM from `docker stop` reaches the server.
CMD ["node", "packages/server/dist/index.js"]
