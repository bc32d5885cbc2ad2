import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface RetryCountdownProps {
  seconds: number;
  onRetry: () => void;
}

/**
 * A rate-limited request retries by itself once the wait is over, and says when. It retries
 * once per mount: the panel gives each new error a new countdown.
 */
export function RetryCountdown({ seconds, onRetry }: RetryCountdownProps) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(Math.max(1, Math.ceil(seconds)));
  // The latest callback, without restarting the clock when the parent re-renders.
  const retry = useRef(onRetry);
  retry.current = onRetry;

  useEffect(() => {
    if (left <= 0) {
      retry.current();
      return;
    }
    const timer = window.setTimeout(() => setLeft((value) => value - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);

  return (
    <p className="retry-countdown">
      {left > 0 ? t('errors.retryIn', { count: left }) : t('errors.retrying')}
    </p>
  );
}
