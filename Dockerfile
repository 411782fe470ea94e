# fluent-sim container image.
#
#   docker build -t fluent-sim .
#   docker run --rm -p 8686:8686 fluent-sim
#   docker run --rm -p 8686:8686 -e FLUENT_SIM_CLIENT_SECRET=s3cret fluent-sim --seed none
#   docker run --rm -p 8686:8686 -e FLUENT_SIM_CONTROL_TOKEN=ci-control-token-123456 fluent-sim
#
# The image binds 0.0.0.0, so /_sim/* needs the control token (header x-fluent-sim-control-token):
# set FLUENT_SIM_CONTROL_TOKEN, or read the generated one from the start banner (docker logs).
# Tenants may still reset and inspect their own account with their own bearer token.
#
# Arguments after the image name go to `fluent-sim start` (a flag replaces CMD); every flag is
# also a FLUENT_SIM_* variable (`docker run fluent-sim start --help` lists them). The healthcheck
# reads FLUENT_SIM_PORT, so change the port with `-e FLUENT_SIM_PORT=…`, not `--port`.
# test/e2e/dockerfile-contract.test.ts runs this file's final-stage commands against dist/.

# ---- build: dev dependencies, TypeScript → dist/, the CLI bundled ----------------------------------
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; dev-only native addons
# (optional ssh2/cpu-features under the test SDK) need no compiler this way.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/bundle.mjs scripts/launcher.mjs scripts/
COPY server/ server/
COPY schema/fluent.graphql schema/fluent.graphql
COPY seeds/ seeds/
COPY rulesets/ rulesets/
COPY console/ console/
RUN npm run build

# ---- deps: production node_modules only ------------------------------------------------------------
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# ---- runtime ---------------------------------------------------------------------------------------
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    FLUENT_SIM_HOST=0.0.0.0 \
    FLUENT_SIM_PORT=8686
WORKDIR /app
# The same files the npm package ships (package.json "files"); owned by root, read-only for `node`.
COPY package.json ./
COPY --from=deps /app/node_modules/ node_modules/
COPY --from=build /app/dist/server/ dist/server/
COPY schema/fluent.graphql schema/fluent.graphql
COPY seeds/ seeds/
COPY rulesets/ rulesets/
COPY console/ console/
COPY docs/*.md docs/
# State is in memory unless --data / FLUENT_SIM_DATA names a file. /data is the place for it,
# writable by `node`; persisting is opt-in so every container starts clean (CI services):
#   docker run -v fluent-sim-data:/data -e FLUENT_SIM_DATA=/data/fluent-sim.json fluent-sim
# ENV FLUENT_SIM_DATA=/data/fluent-sim.json
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8686
STOPSIGNAL SIGTERM
# --start-interval (Docker Engine 25+) probes every second while starting, so "healthy" comes quickly.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --start-interval=1s --retries=3 CMD ["node", "dist/server/main.js", "healthcheck"]
ENTRYPOINT ["node", "dist/server/main.js"]
CMD ["start"]
