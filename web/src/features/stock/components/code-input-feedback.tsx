import { useTranslation } from 'react-i18next';
import { MAX_COVERAGE_CODES } from 'server/contract';
import type { ParsedCodes } from '@/features/stock/lib/parse-codes';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';

const SHOWN_INVALID = 5;
const PREVIEW_CHARS = 24;

interface CodeInputFeedbackProps {
  id: string;
  parsed: ParsedCodes;
  emptyError: boolean;
}

/** What will be checked, and, beside the field, what will not be and why. */
export function CodeInputFeedback({ id, parsed, emptyError }: CodeInputFeedbackProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = parsed.codes.length;
  return (
    <div id={id} className="code-input-feedback">
      <p>
        {t('coverage.parsed', { count, formatted: formatCount(count, language) })}
        {parsed.duplicates > 0
          ? ` ${t('coverage.duplicates', { count: parsed.duplicates, formatted: formatCount(parsed.duplicates, language) })}`
          : null}
      </p>
      {emptyError ? <p className="field-error">{t('coverage.emptyError')}</p> : null}
      {parsed.tooMany ? (
        <p className="field-error">
          {t('coverage.tooMany', { max: formatCount(MAX_COVERAGE_CODES, language) })}
        </p>
      ) : null}
      {parsed.invalid.length > 0 ? (
        <div className="field-error">
          <p>{t('coverage.invalid', { count: parsed.invalid.length })}</p>
          <ul>
            {parsed.invalid.slice(0, SHOWN_INVALID).map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same bad value may appear twice
              <li key={index}>
                <code className="code">
                  {item.value.length > PREVIEW_CHARS
                    ? `${item.value.slice(0, PREVIEW_CHARS)}…`
                    : item.value}
                </code>{' '}
                {t(`coverage.invalidReason.${item.reason}`, { length: item.value.trim().length })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
