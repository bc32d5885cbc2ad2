import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/data-table';
import type { UserSummary } from '@/lib/auth-contract';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { UserActions } from './user-actions';

// v9 core only, as in codes-table.tsx: a short list, sorted by the server.
const features = tableFeatures({});
const helper = createColumnHelper<typeof features, UserSummary>();

interface UsersTableProps {
  users: UserSummary[];
  /** The signed-in admin, marked in the list. */
  me: string;
  onResetPassword: (username: string) => void;
  onError: (error: unknown) => void;
}

/** Name, role, enabled or not, created, last sign-in, and what an admin can do to the account. */
export function UsersTable({ users, me, onResetPassword, onError }: UsersTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('username', {
          header: () => t('users.columnUsername'),
          cell: (info) => (
            <>
              <code className="code">{info.getValue()}</code>
              {info.getValue() === me ? ` ${t('users.you')}` : null}
            </>
          ),
        }),
        helper.accessor('role', {
          header: () => t('users.columnRole'),
          cell: (info) => t(`role.${info.getValue()}`),
        }),
        helper.accessor('disabled', {
          header: () => t('users.columnStatus'),
          cell: (info) => (
            <span className={`badge ${info.getValue() ? 'badge-not_covered' : 'badge-covered'}`}>
              {t(info.getValue() ? 'users.disabled' : 'users.enabled')}
            </span>
          ),
        }),
        helper.accessor('created_at', {
          header: () => t('users.columnCreated'),
          cell: (info) => formatDateTime(info.getValue(), language),
        }),
        helper.accessor('last_login_at', {
          header: () => t('users.columnLastLogin'),
          cell: (info) => {
            const value = info.getValue();
            return value ? formatDateTime(value, language) : t('users.never');
          },
        }),
        helper.display({
          id: 'actions',
          header: () => t('users.columnActions'),
          cell: (info) => (
            <UserActions
              user={info.row.original}
              onResetPassword={onResetPassword}
              onError={onError}
            />
          ),
        }),
      ]),
    [t, language, me, onResetPassword, onError],
  );
  const table = useTable({ features, columns, data: users, getRowId: (row) => row.username });
  return (
    <DataTable
      table={table}
      caption={t('users.caption')}
      rowClassName={(row) => (row.disabled ? 'row-disabled' : undefined)}
    />
  );
}
