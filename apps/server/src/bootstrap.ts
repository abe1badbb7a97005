import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@brobygger/config';
import { enableAuthGuards } from './auth/enable-auth-guards';
import { hardenHttp } from './http/harden-http';
import { ServerModule } from './server.module';
import { serveWebApp } from './web/serve-web-app';

/** Creates the HTTP API (not yet listening) behind sign-in, with its OpenAPI document at /api/docs. */
export async function createServer(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ServerModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false, // hardenHttp installs the parsers, with a size limit
  });
  app.useLogger(app.get(Logger));
  hardenHttp(app);
  // Every /api route needs a bearer token (and its @Roles); open: /health, POST /api/auth/login
  // (@Public), the OpenAPI document and the web app's static files (ADR 0006).
  enableAuthGuards(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Brobygger API')
      .setDescription('Placements of citizens in company practicums: cases, tasks, companies, processes')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  // The caseworkers' web app at / (dist/web); every other path it does not own stays the API's.
  serveWebApp(app);
  return app;
}

export async function startServer(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await createServer(config, databaseUrl);
  await app.listen(config.http.port, config.http.host);
  return app;
}
