import 'reflect-metadata';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { completeDocument } from './common/openapi/api-responses';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger as StructuredLogger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { CollabWsAdapter } from './collaboration/collab-ws.adapter';
import { AppException } from './common/app.exception';
import { apiCacheDefault, compressResponses, REVALIDATE, webApp } from './common/delivery';
import { HttpErrorFilter, toErrorResponse } from './common/http-error.filter';
import { bodyHygiene, urlHygiene } from './common/input-hygiene';
import { jsonLimits } from './common/json-limits';
import { requestOriginGuard } from './common/request-origin';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation.pipe';
import type { Env } from './config/env';
import { Readiness } from './health/readiness';
import { Metrics } from './metrics/metrics';


/** Where the built web app lives, if it has been built. */
export function webRoot(): string | null {
  const dir = resolve(process.env.CONCORD_WEB_DIR ?? join(process.cwd(), 'dist/apps/web'));
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** Body-parser errors happen before Nest routes the request; they get the same JSON shape as every other error. */
function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  const mapped =
    type === 'entity.parse.failed'
      ? new AppException('malformed-json', 'The request body is not valid JSON.')
      : type === 'entity.too.large'
        ? new AppException('payload-too-large', 'The request body is larger than the server accepts.')
        : type === 'encoding.unsupported' || type === 'charset.unsupported'
          ? new AppException('unsupported-media-type', 'The request body must be UTF-8.')
          : error;
  const { status, body } = toErrorResponse(mapped, new Logger('HttpError'));
  res.status(status).json(body);
}

/** Routes that answer whether or not the server is ready: the checks themselves and the metrics. */
const ALWAYS_SERVED = /^\/api\/(health|metrics)(\/|\?|$)/;

/** Until the start sequence is done (migrations, demo), the API answers 503 with the reason instead of failing. */
function readinessGate(readiness: Readiness) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const reason = readiness.reason();
    if (!reason || !req.path.startsWith('/api/') || ALWAYS_SERVED.test(req.originalUrl)) return next();
    res.status(503).set('Retry-After', '5').json({ error: { code: 'not-ready', message: reason } });
  };
}

/** Latency and errors per route pattern (never per address, which would name records). */
function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : req.path.startsWith('/api/') ? 'unmatched' : req.path.startsWith('/collab') ? 'collab' : 'web';
      const status = String(res.statusCode);
      stop({ method: req.method, route, status });
      if (res.statusCode >= 400) metrics.httpErrors.inc({ route, status });
    });
    next();
  };
}

/** What the start sequence shares with the application it builds. */
export interface AppRuntime {
  readonly readiness: Readiness;
  readonly metrics: Metrics;
}

/** Builds the Nest application on an opened database: REST under /api, OpenAPI at /api/docs, the web app at /. */
export async function createApp(env: Env, dataSource: DataSource, runtime: AppRuntime = { readiness: new Readiness(), metrics: new Metrics() }): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(env, dataSource, runtime), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(StructuredLogger));
  app.setGlobalPrefix('api');
  app.useWebSocketAdapter(new CollabWsAdapter(app, env.COLLAB_MAX_MESSAGE_BYTES, env.publicUrl(), runtime.readiness));
  // In this order: measured from the first byte; headers on every answer, refusals included; nothing but the
  // checks served before the server is ready; forged cross-site requests refused before their body is read; then
  // the body parsed and measured. Compression wraps every answer sent after it, refusals included; the default
  // Cache-Control is set before any route, which may replace it.
  app.use(httpMetrics(runtime.metrics));
  app.use(compressResponses());
  app.use(securityHeaders(env.publicUrl()));
  app.use(apiCacheDefault);
  app.use(readinessGate(runtime.readiness));
  app.use(requestOriginGuard(env.publicUrl()));
  app.use(urlHygiene);
  app.use(express.json({ limit: env.MAX_BODY_BYTES, strict: true }));
  app.use(jsonLimits);
  app.use(bodyHygiene);
  app.use(bodyErrors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('trust proxy', env.trustProxy());

  const openApi = new DocumentBuilder()
    .setTitle('Concord API')
    .setDescription('Treaty negotiation drafting and comment tracking. Errors are always { "error": { "code", "message" } }.')
    .setVersion('0.1.0')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth()
    .addCookieAuth('concord_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => completeDocument(SwaggerModule.createDocument(app, openApi)), { jsonDocumentUrl: 'api/docs-json' });

  const web = webRoot();
  if (web) {
    const files = webApp(web);
    // The API's and collaboration's addresses are never files: they go on to Nest, whose errors are JSON (a
    // malformed escape such as %ZZ would otherwise get the static server's HTML error).
    http.use((req: Request, res: Response, next: NextFunction) => (/^\/(api|collab)(\/|$)/.test(req.path) ? next() : files(req, res, next)));
    // The web app routes on the client: every other page address gets its shell, but /api and /collab never do.
    // The shell names the build's hashed files, so it is revalidated on every load.
    http.get(/^(?!\/(api|collab)(\/|$)).*/, (req: Request, res: Response, next: NextFunction) => {
      if (!req.accepts('html')) return next();
      res.sendFile(join(web, 'index.html'), { headers: { 'Cache-Control': REVALIDATE } });
    });
  }
  return app;
}
