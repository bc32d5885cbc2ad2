import { useTranslation } from 'react-i18next';
import type { CoverageResponse } from 'server/contract';
import { CopyButton } from '@/components/copy-button';
import { evidenceValues } from '@/features/stock/lib/evidence';

interface EvidenceLineProps {
  result: CoverageResponse;
  mchid: string;
}

/**
 * One line for a dispute ticket: when it was checked, what the scan read, the Request-IDs, and
 * the audit entry that records the check.
 */
export function EvidenceLine({ result, mchid }: EvidenceLineProps) {
  const { t } = useTranslation();
  const values = evidenceValues(result, mchid);
  const facts = t('evidence.line', {
    ...values,
    finishedAt: values.finishedAt ?? t('evidence.notFinished'),
    total: values.total ?? '?',
    extent: t(
      result.evidence.complete
        ? 'evidence.extentComplete'
        : result.evidence.truncated
          ? 'evidence.extentTruncated'
          : 'evidence.extentPartial',
      { ...values, reachable: values.reachable ?? '?', total: values.total ?? '?' },
    ),
  });
  const line =
    values.auditId === null ? facts : t('evidence.withAudit', { line: facts, id: values.auditId });
  return (
    <div className="evidence">
      <h4>{t('evidence.title')}</h4>
      <p className="evidence-line">{line}</p>
      <CopyButton text={line} label={t('evidence.copy')}>
        {t('evidence.copy')}
      </CopyButton>
    </div>
  );
}
