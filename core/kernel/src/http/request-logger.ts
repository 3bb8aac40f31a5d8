import type { RequestHandler } from 'express';
import type { LoggerService } from '@portico/plugin-api';
import type { RequestWithContext } from '@portico/http';

/** One structured line per request, with its id; never the Authorization header. */
export function requestLogger(logger: LoggerService): RequestHandler {
  return (req: RequestWithContext, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const fields = { requestId: req.requestId, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 100) / 100, identity: req.identity?.id };
      if (res.statusCode >= 500) logger.error('request', fields);
      else logger.debug('request', fields);
    });
    next();
  };
}
