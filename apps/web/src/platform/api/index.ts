export {
  type ApiRequestOptions,
  apiRequest,
  setUnauthorizedHandler,
  type UnauthorizedHandler,
} from './api-client.js';
export { ApiError, type ClientErrorCode, isErrorBody } from './api-error.js';
export { type ApiState, toApiError, useApi, withQuery } from './use-api.js';
