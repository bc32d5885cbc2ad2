import '@/features/admin/lib/admin-locales';
import type { AdminScreen as Screen } from '@/lib/screens';
import { AuditPage } from './audit-page';
import { UsersPage } from './users-page';

interface AdminScreenProps {
  screen: Screen;
}

/** The admin pages, one lazily loaded chunk: users and the audit trail. */
export function AdminScreen({ screen }: AdminScreenProps) {
  return screen === 'users' ? <UsersPage /> : <AuditPage />;
}
