import '../lib/admin-locales';
import type { AuditFilters } from '../lib/audit-filters';
import { AuditPage } from './audit-page';
import { UsersPage } from './users-page';

type AdminScreenProps =
  | { screen: 'users' }
  | {
      screen: 'audit';
      filters: AuditFilters;
      onChange: (change: Partial<AuditFilters>) => void;
    };

/** The admin pages, one lazily loaded chunk: users and the audit trail. */
export function AdminScreen(props: AdminScreenProps) {
  return props.screen === 'users' ? (
    <UsersPage />
  ) : (
    <AuditPage filters={props.filters} onChange={props.onChange} />
  );
}
