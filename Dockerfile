# syntax=docker/dockerfile:1
# mockupAWS image: `docker build -t mockupaws .`, run with docker-compose.yml (docs/INFRASTRUCTURE_SETUP.md).

# --- build: every dependency, compile the server (tsc) and the web app (Vite) into dist/ ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: production dependencies only, the compiled output, a non-root user ---
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
RUN groupadd --system --gid 10001 mockupaws \
    && useradd --system --uid 10001 --gid mockupaws --home-dir /app --shell /usr/sbin/nologin mockupaws \
    && mkdir -p /data \
    && chown mockupaws:mockupaws /data
# PGlite files when DATABASE_URL is unset; compose mounts a named volume here.
VOLUME ["/data"]
USER mockupaws
EXPOSE 8000
# /health answers 200 while the database answers, 503 otherwise. Node's fetch: no curl in the slim image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node 24 sizes the heap from the machine's memory and lets it grow lazily: a 512 MB old generation and a 16 MB
# young one keep a busy server near 230 MB instead of 380-460 MB (docs/PERFORMANCE.md).
ENV NODE_OPTIONS="--max-semi-space-size=16 --max-old-space-size=512"
# exec form: node is PID 1 and receives SIGTERM itself (graceful shutdown, exit 0).
CMD ["node", "dist/server/main.js", "serve"]
