import type { ApiErrorPayload } from '../contract/error';
import { explainApi, explainWechatPayError } from '../explanations/find-explanation';
import type { ApiError } from './api-error';

/**
 * The wire error people see: the facts plus the id of the explanation that tells them what
 * happened and what to do. Resolved here, where an error leaves the console (the error handler,
 * a scan's recorded failure), so raising an error never loads the explanation catalogue.
 */
export function explained(error: ApiError): ApiErrorPayload {
  const key = error.explainBy;
  const explanation =
    'wechatPay' in key ? explainWechatPayError(key.wechatPay).id : explainApi(key.code).id;
  return { ...error.payload, explanation };
}
