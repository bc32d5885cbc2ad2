import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setUserDisabled, usersKey } from '@/features/admin/api/users-query';
import { announce } from '@/lib/announce';
import type { UserSummary } from '@/lib/auth-contract';

interface UserActionsProps {
  user: UserSummary;
  onResetPassword: (username: string) => void;
  onError: (error: unknown) => void;
}

/** Disable or enable an account, or open the reset-password form for it. */
export function UserActions({ user, onResetPassword, onError }: UserActionsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => setUserDisabled(user.username, !user.disabled),
    onMutate: () => onError(null),
    onSuccess: (changed) => {
      announce(
        t(changed.disabled ? 'users.disabledDone' : 'users.enabledDone', {
          username: changed.username,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError,
  });
  const { username } = user;
  return (
    <span className="row-actions">
      <button
        type="button"
        className="button-quiet"
        aria-label={t(user.disabled ? 'users.enableUser' : 'users.disableUser', { username })}
        onClick={() => toggle.mutate()}
        disabled={toggle.isPending}
      >
        {t(user.disabled ? 'users.enable' : 'users.disable')}
      </button>
      <button
        type="button"
        className="button-quiet"
        aria-label={t('users.resetPasswordOf', { username })}
        onClick={() => onResetPassword(username)}
      >
        {t('users.resetPassword')}
      </button>
    </span>
  );
}
