import { useTranslation } from 'react-i18next';
import type { ApiError } from '@/lib/api/error';
import { CopyButton } from './copy-button';

interface ErrorDetailsProps {
  failure: ApiError;
}

/** The Request-IDs support staff quote, and the raw upstream answer folded out of the way. */
export function ErrorDetails({ failure }: ErrorDetailsProps) {
  const { t } = useTranslation();
  const payload = failure.payload;
  const wechatRequestId = payload?.requestId;
  return (
    <div className="error-details">
      <dl className="id-list">
        {wechatRequestId ? (
          <div className="id-row">
            <dt>{t('errors.requestId')}</dt>
            <dd>
              <code className="code">{wechatRequestId}</code>{' '}
              <CopyButton text={wechatRequestId} label={t('errors.copyRequestId')} />
            </dd>
          </div>
        ) : null}
        {failure.consoleRequestId ? (
          <div className="id-row">
            <dt>{t('errors.consoleRequestId')}</dt>
            <dd>
              <code className="code">{failure.consoleRequestId}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      {payload ? (
        <details className="raw">
          <summary>{t('errors.raw')}</summary>
          <dl className="raw-list">
            <dt>{t('errors.rawStatus')}</dt>
            <dd>
              <code>{payload.status}</code>
            </dd>
            <dt>{t('errors.rawCode')}</dt>
            <dd>
              <code>{payload.code}</code>
            </dd>
            {payload.upstream ? (
              <>
                <dt>{t('errors.rawUpstreamCode')}</dt>
                <dd>
                  <code>{payload.upstream.code}</code>
                </dd>
                {/* WeChat Pay's own words, quoted as sent: support staff paste them into tickets. */}
                <dt>{t('errors.rawUpstreamMessage')}</dt>
                <dd>
                  <code lang="zh-CN">{payload.upstream.message}</code>
                </dd>
              </>
            ) : null}
            {payload.field ? (
              <>
                <dt>{t('errors.rawField')}</dt>
                <dd>
                  <code>
                    {payload.field}: {payload.rule}
                  </code>
                </dd>
              </>
            ) : null}
          </dl>
        </details>
      ) : null}
    </div>
  );
}
