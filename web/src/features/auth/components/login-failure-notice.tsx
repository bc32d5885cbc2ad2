import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import type { LoginFailure } from '@/features/auth/lib/login-failure';
import { LOGIN_THROTTLE } from '@/lib/auth-contract';
import { formatDateTime, splitDuration } from '@/lib/format';
import { useCountdown } from '@/lib/use-countdown';
import { useLanguage } from '@/lib/use-language';

interface LoginFailureNoticeProps {
  failure: LoginFailure;
  /** When the failure arrived, so the "try again after" time is fixed, not drifting. */
  at: number;
}

/** Why the sign-in failed, beside the form; a throttled sign-in counts down to the next try. */
export function LoginFailureNotice({ failure, at }: LoginFailureNoticeProps) {
  const { t } = useTranslation();
  if (failure.kind === 'other') return <ErrorPanel error={failure.error} />;
  if (failure.kind === 'throttled') {
    return <ThrottledNotice seconds={failure.retryAfterSeconds} at={at} />;
  }
  return (
    <div className="login-failure" role="alert">
      <p className="field-error">{t('auth.wrongCredentials')}</p>
      <p className="field-hint">
        {t('auth.wrongCredentialsHint', {
          max: LOGIN_THROTTLE.maxFailures,
          minutes: LOGIN_THROTTLE.windowMinutes,
        })}
      </p>
    </div>
  );
}

function ThrottledNotice({ seconds, at }: { seconds: number; at: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const left = useCountdown(seconds);
  const wait = splitDuration(left);
  const until = formatDateTime(new Date(at + seconds * 1000).toISOString(), language);
  return (
    <div className="login-failure">
      {/* The alert says it once; the countdown below ticks without being read out each second. */}
      <p className="field-error" role="alert">
        {t('auth.throttled', { time: until })}
      </p>
      <p className="field-hint login-countdown">
        {left > 0
          ? t('auth.throttledIn', { minutes: wait.minutes, seconds: wait.seconds })
          : t('auth.throttledOver')}
      </p>
    </div>
  );
}
