export {
  PorticoError,
  ValidationError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  ForbiddenError,
  UnauthorizedError,
  isPorticoError,
  type FieldProblem,
} from './portico-error';
