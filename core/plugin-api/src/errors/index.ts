export {
  PorticoError,
  ValidationError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  ForbiddenError,
  UnauthorizedError,
  ServiceUnavailableError,
  isPorticoError,
  type FieldProblem,
} from './portico-error';
