import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation } from 'server/contract';
import { failureView } from '@/lib/api/failure-policy';
import { asApiError, canRetry, errorKey, waitBeforeRetry } from '@/lib/api/retry-policy';
import { explanationById, explanationsQuery } from '@/lib/explanations';
import { useLanguage } from '@/lib/use-language';
import { CopyButton } from './copy-button';
import { ErrorDetails } from './error-details';
import { Loading } from './loading';
import { RetryCountdown } from './retry-countdown';
import { RoleRefused } from './role-refused';

interface ErrorPanelProps {
  error: unknown;
  /** Offered only when the error says retrying can help. */
  onRetry?: () => void;
  headingLevel?: 2 | 3;
}

/**
 * One error, explained by the catalog entry its wire body names: what happened, what the
 * operator does, what support staff say, what to quote to WeChat Pay, and the Request-ID.
 * Our own 403 is not explained at length: the role cannot do it, and that is all to say.
 */
export function ErrorPanel({ error, onRetry, headingLevel = 3 }: ErrorPanelProps) {
  if (failureView(asApiError(error)) === 'role_refused') {
    return <RoleRefused headingLevel={headingLevel} />;
  }
  return <ExplainedError error={error} onRetry={onRetry} headingLevel={headingLevel} />;
}

function ExplainedError({ error, onRetry, headingLevel = 3 }: ErrorPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const failure = asApiError(error);
  const catalog = useQuery(explanationsQuery);
  const entry: Explanation | undefined =
    failure.payload && catalog.data
      ? explanationById(catalog.data.explanations, failure.payload.explanation)
      : undefined;
  const text = entry?.texts[language];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const retryable = canRetry(failure) && onRetry !== undefined;
  const waitSeconds = waitBeforeRetry(failure);
  // The catalog loads on the first error; until then say so rather than show generic text.
  const explaining = failure.payload !== null && catalog.isPending;

  return (
    <section className="error-panel" role="alert" aria-labelledby={titleId}>
      <Heading id={titleId} className="error-title">
        {text?.title ??
          (explaining
            ? t('errors.loadingTitle')
            : t(`errors.fallback.${failure.kind}.title`, { status: failure.status ?? '' }))}
      </Heading>
      {explaining ? <Loading label={t('errors.loadingExplanation')} /> : null}
      <dl className="error-sections" hidden={explaining}>
        <dt>{t('errors.whatHappened')}</dt>
        <dd>{text?.what_happened ?? t(`errors.fallback.${failure.kind}.what`)}</dd>
        {text ? (
          <>
            <dt>{t('errors.causes')}</dt>
            <dd>
              <ul>
                {text.causes.map((cause) => (
                  <li key={cause}>{cause}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('errors.operatorAction')}</dt>
        <dd>{text?.operator_action ?? t(`errors.fallback.${failure.kind}.action`)}</dd>
        {text ? (
          <>
            <dt>{t('errors.supportScript')}</dt>
            <dd>
              {text.support_script}{' '}
              <CopyButton text={text.support_script} label={t('errors.copySupportScript')} />
            </dd>
            <dt>{t('errors.quoteToWechatPay')}</dt>
            <dd>{text.quote_to_wechatpay}</dd>
          </>
        ) : null}
      </dl>
      <ErrorDetails failure={failure} />
      {retryable && waitSeconds ? (
        <RetryCountdown key={errorKey(error)} seconds={waitSeconds} onRetry={onRetry} />
      ) : null}
      {retryable && !waitSeconds ? (
        <button type="button" className="button-primary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </section>
  );
}
