export {
  type ApiRequestOptions,
  apiRequest,
  setUnauthorizedHandler,
  type UnauthorizedHandler,
} from './api-client.js';
export { ApiError, type ClientErrorCode } from './api-error.js';
