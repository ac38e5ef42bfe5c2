import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';

// A Host header is only echoed into the policy when it looks like one, so that a forged Host cannot add directives.
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

function socketSources(publicUrl: URL): Array<string | ((req: IncomingMessage) => string)> {
  const configured = `${publicUrl.protocol === 'https:' ? 'wss' : 'ws'}://${publicUrl.host}`;
  // 'self' covers ws: and wss: to the page's own host only in browsers following CSP 3, so the host is spelt out.
  const served = (secure: boolean) => (req: IncomingMessage) => {
    const host = req.headers.host ?? '';
    return HOST.test(host) ? `${secure ? 'wss' : 'ws'}://${host}` : configured;
  };
  return ["'self'", configured, served(false), served(true)];
}

/**
 * Security headers on everything the server sends. The web app gets a policy that allows exactly what its built
 * files need: scripts and style sheets from its own origin (Vite emits no inline script or style; React,
 * ProseMirror and the cursor widgets set styles through the CSSOM, which a policy does not restrict, so no
 * `style` attribute is needed), images from its origin and data: URLs, fetches and the collaboration socket to its own host. API answers, the HTML exports and rendered
 * comparisons among them, get a sandboxed policy that runs nothing, so an exported file opened from its address
 * cannot act in the app's origin; the OpenAPI explorer at /api/docs gets the web policy plus inline styles it
 * needs. Nothing may be framed by anyone (clickjacking), and referrers stay within the site.
 */
export function securityHeaders(publicUrlText: string) {
  const publicUrl = new URL(publicUrlText);
  const https = publicUrl.protocol === 'https:';
  const common = {
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' as const },
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
    crossOriginOpenerPolicy: { policy: 'same-origin' as const },
  };
  const web = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: socketSources(publicUrl),
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: https ? [] : null,
  };
  const app = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: web } });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { ...web, styleSrc: ["'self'", "'unsafe-inline'"] } },
  });
  const api = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        // Exported HTML carries its own <style> element and nothing else.
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ['data:'],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        sandbox: [],
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path;
    if (path === '/api/docs' || path.startsWith('/api/docs/')) return docs(req, res, next);
    if (path === '/api' || path.startsWith('/api/')) return api(req, res, next);
    app(req, res, next);
  };
}
