import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { signOut } from '@/features/auth/api/auth-requests';
import type { SessionInfo } from '@/lib/auth-contract';
import { sessionEnded } from '@/lib/session-events';

interface UserMenuProps {
  session: SessionInfo;
}

/** Who is signed in, with which role, and the way out. */
export function UserMenu({ session }: UserMenuProps) {
  const { t } = useTranslation();
  const logout = useMutation({
    mutationFn: signOut,
    onSuccess: () => sessionEnded('signed_out'),
  });
  return (
    <div className="user-menu">
      <p className="user-identity">
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        <span className="user-name">{session.username}</span>{' '}
        <span className="badge badge-role">{t(`role.${session.role}`)}</span>
      </p>
      <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('auth.signOut')}
      </button>
      {logout.isError ? <p className="field-error">{t('auth.signOutFailed')}</p> : null}
    </div>
  );
}
