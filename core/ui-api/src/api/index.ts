export { ApiError } from './api-error';
export { apiFetch, type ApiFetchOptions } from './api-fetch';
export { useApi, type ApiState } from './use-api';
