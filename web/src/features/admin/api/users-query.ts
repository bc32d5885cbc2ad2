import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPost } from '@/lib/api/client';
import {
  type CreateUserRequest,
  userSummarySchema,
  usersResponseSchema,
} from '@/lib/auth-contract';

export const usersKey = ['admin', 'users'] as const;

/** Every console account: GET /api/admin/users. */
export const usersQuery = queryOptions({
  queryKey: usersKey,
  queryFn: ({ signal }) =>
    apiGet('/api/admin/users', (body) => usersResponseSchema.parse(body), signal),
});

const parseUser = (body: unknown) => userSummarySchema.parse(body);
const userPath = (username: string, action: string) =>
  `/api/admin/users/${encodeURIComponent(username)}/${action}`;

/** POST /api/admin/users → 201: a new account with its initial password. */
export function createUser(input: CreateUserRequest) {
  return apiPost('/api/admin/users', input, parseUser);
}

/** POST …/disable or …/enable: disabling also ends the user's sessions. */
export function setUserDisabled(username: string, disabled: boolean) {
  return apiPost(userPath(username, disabled ? 'disable' : 'enable'), undefined, parseUser);
}

/** POST …/reset-password: a new password, and the user's sessions end. */
export function resetPassword(username: string, password: string) {
  return apiPost(userPath(username, 'reset-password'), { password }, parseUser);
}
