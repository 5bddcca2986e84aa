# SessionMood server: the API, the SDK bundle it serves, and the API reference.
# docker build -t sessionmood . && docker run -p 3000:3000 -v sessionmood-data:/data sessionmood

FROM node:20-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 compiles its native addon when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
# The same folder `pnpm deploy:server` makes: the server with its production dependencies only.
RUN npx -y pnpm@10 install --frozen-lockfile \
  && npx -y pnpm@10 run build \
  && npx -y pnpm@10 --filter @sessionmood/server deploy --prod --legacy /app

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SESSIONMOOD_DB=/data/sessionmood.db
COPY --from=build /app /app
WORKDIR /app
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself, not a package manager, so SIGTERM from `docker stop` reaches the server.
CMD ["node", "dist/index.js"]
