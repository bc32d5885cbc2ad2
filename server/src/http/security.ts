import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { apiError } from './api-error';

/** Security headers with a CSP that fits the built SPA: everything from our own origin. */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  // Sent by strictTransportSecurity below, over HTTPS only.
  strictTransportSecurity: false,
});

/**
 * HSTS only on answers that came over HTTPS (RFC 6797 §7.2: a browser ignores it over plain
 * HTTP, and a console reached by IP on a LAN must not claim HTTPS). req.secure honours TRUST_PROXY.
 */
export const strictTransportSecurity: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
};

/**
 * Per-client limit of our own API, so one script cannot starve everyone's WeChat Pay budget. A
 * signed-in person is one client whatever their address (one office NAT is not one person; one
 * person is not several by hopping addresses); anonymous requests count by address (IPv6 by /56).
 */
export function apiRateLimit(
  perMinute: number,
  clientKey?: (req: Request) => Promise<string | undefined>,
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    keyGenerator: async (req) =>
      (await clientKey?.(req).catch(() => undefined)) ?? `ip:${ipKeyGenerator(req.ip ?? '')}`,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next, options) => {
      next(
        apiError('RATE_LIMITED', 'Too many requests to the console from this person or address', {
          retryAfterSeconds: Math.ceil(options.windowMs / 1000),
        }),
      );
    },
  });
}
