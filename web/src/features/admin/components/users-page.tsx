import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { usersQuery } from '@/features/admin/api/users-query';
import { knownRefusal } from '@/features/admin/lib/user-form';
import { useSession } from '@/lib/session-context';
import { AddUserForm } from './add-user-form';
import { ResetPasswordForm } from './reset-password-form';
import { UsersTable } from './users-table';

/** Admins only: every account, adding one, disabling, enabling and resetting passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const users = useQuery(usersQuery);
  const [resetting, setResetting] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const onError = useCallback((error: unknown) => setActionError(error), []);
  const refusal = knownRefusal(actionError);

  return (
    <main id="main" className="console admin" tabIndex={-1}>
      <h2 className="admin-title">{t('users.title')}</h2>
      <AddUserForm />
      <section className="card" aria-labelledby="users-list-title">
        <h3 id="users-list-title">{t('users.listTitle')}</h3>
        {users.isPending ? <Loading label={t('users.loading')} /> : null}
        {users.isError ? (
          <ErrorPanel error={users.error} onRetry={() => void users.refetch()} />
        ) : null}
        {refusal ? (
          <p className="field-error" role="alert">
            {t(`users.errors.${refusal}`)}
          </p>
        ) : actionError ? (
          <ErrorPanel error={actionError} />
        ) : null}
        {users.data ? (
          <UsersTable
            users={users.data.users}
            me={session?.username ?? ''}
            onResetPassword={setResetting}
            onError={onError}
          />
        ) : null}
        {resetting ? (
          <ResetPasswordForm
            key={resetting}
            username={resetting}
            onClose={() => setResetting(null)}
          />
        ) : null}
      </section>
    </main>
  );
}
