import { type Request, type Response, Router } from 'express';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  type UserSummary,
  type UsersResponse,
  usernameSchema,
} from '../contract/auth';
import { parseAuthInput } from './parse-input';
import { accessOf } from './request-access';
import { summaryOf, type User } from './store/users';
import type { Actor, UserAdmin } from './user-admin';

const actorOf = (req: Request, res: Response): Actor => {
  const access = accessOf(res);
  return {
    username: access?.user.username ?? null,
    role: access?.user.role ?? null,
    clientIp: req.ip ?? null,
    via: 'api',
  };
};

const nameOf = (req: Request) => parseAuthInput(usernameSchema, req.params.username, 'username');

function answer(res: Response, user: User, status = 200): void {
  const body: UserSummary = summaryOf(user);
  res.status(status).json(body);
}

/** GET/POST /admin/users and POST /admin/users/:username/(disable|enable|reset-password). */
export function adminUsersRouter(admin: UserAdmin): Router {
  const router = Router();

  router.get('/admin/users', async (_req, res) => {
    const body: UsersResponse = { users: (await admin.list()).map(summaryOf) };
    res.json(body);
  });

  router.post('/admin/users', async (req, res) => {
    const input = parseAuthInput(createUserRequestSchema, req.body);
    answer(res, await admin.create(actorOf(req, res), input), 201);
  });

  router.post('/admin/users/:username/disable', async (req, res) => {
    answer(res, await admin.disable(actorOf(req, res), nameOf(req)));
  });

  router.post('/admin/users/:username/enable', async (req, res) => {
    answer(res, await admin.enable(actorOf(req, res), nameOf(req)));
  });

  router.post('/admin/users/:username/reset-password', async (req, res) => {
    const username = nameOf(req);
    const { password } = parseAuthInput(resetPasswordRequestSchema, req.body);
    answer(res, await admin.resetPassword(actorOf(req, res), username, password));
  });
  return router;
}
