import './zod-messages';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Storage } from './storage/storage';
import { installErrorHandler } from './http/error-handler';
import { installStateChangeGuard } from './http/state-change-guard';
import { installSecurityHeaders } from './http/security-headers';
import { installStaticFiles } from './http/static-files';
import { DEFAULT_BODY_LIMIT, installJsonBodyParser } from './http/json-body';
import { logSerializers } from './http/log-serializers';
import { refuseUndeclaredApiRoutes } from './http/endpoint-route';
import { sessionRoutes } from './routes/session-routes';
import { syncRoutes } from './routes/sync-routes';
import { healthRoutes } from './routes/health-routes';
import { accountRoutes } from './routes/account-routes';
import { partnershipDetailsRoutes } from './routes/partnership-details-routes';
import { partnershipRoutes } from './routes/partnership-routes';
import { memberRoutes } from './routes/member-routes';
import { partnershipListRoutes } from './routes/partnership-list-routes';
import { tallyRoutes } from './routes/tally-routes';
import { photoRoutes } from './routes/photo-routes';
import { planRoutes } from './routes/plan-routes';
import { reviewRoutes } from './routes/review-routes';
import { fundReturnRoutes } from './routes/fund-return-routes';
import type { AuthDeps } from './auth/authenticate';

export interface ServerDeps {
  config: Config;
  storage: Storage;
  now?: () => Date;
}

/** Assembles the HTTP server: the API under /api, health checks, and the built PWA. */
export async function buildServer({ config, storage, now = () => new Date() }: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines; the serializers decide what of a request or error may be written (no notes, passwords, tokens).
    logger: { level: config.logLevel, serializers: logSerializers },
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Behind a reverse proxy, X-Forwarded-Proto says whether the browser used HTTPS and
    // X-Forwarded-For who the client is, but only from the proxy's own address (TRUSTED_PROXIES).
    // With `true`, Fastify would take the leftmost X-Forwarded-For address, which the client
    // writes itself if the proxy appends rather than overwrites: sign-in throttling per address
    // (sign-in-throttle.ts) could then be dodged with a made-up address for every guess.
    trustProxy: config.publicOrigin !== undefined ? config.trustedProxies : false,
  });
  // Only JSON bodies (and a photo upload's JPEG, in its own scope: photo-routes.ts): a form on
  // another site can send neither without CORS approval.
  installJsonBodyParser(app);

  const auth: AuthDeps = {
    storage,
    now,
    cookie: { name: config.secureCookies ? '__Host-fieldbook_session' : 'fieldbook_session', secure: config.secureCookies },
    policy: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs },
  };

  installSecurityHeaders(app, config.secureCookies);
  installStateChangeGuard(app, config.publicOrigin);
  const spaFallback = await installStaticFiles(app, config.staticDir);
  installErrorHandler(app, { spaFallback });

  refuseUndeclaredApiRoutes(app);
  const scryptCost = { logN: config.scryptLogN, r: 8, p: 1 };
  sessionRoutes(app, { ...auth, scryptCost });
  accountRoutes(app, { ...auth, scryptCost });
  partnershipRoutes(app, auth);
  partnershipDetailsRoutes(app, auth);
  partnershipListRoutes(app, auth);
  memberRoutes(app, { ...auth, scryptCost });
  tallyRoutes(app, auth);
  planRoutes(app, auth);
  reviewRoutes(app, auth);
  fundReturnRoutes(app, auth);
  photoRoutes(app, auth);
  syncRoutes(app, auth);
  healthRoutes(app, storage);
  return app;
}
