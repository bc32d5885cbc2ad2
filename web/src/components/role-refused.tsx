import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/lib/session-context';

interface RoleRefusedProps {
  headingLevel?: 2 | 3;
  /** Where "back" goes, when the refusal replaces a whole screen. */
  onBack?: () => void;
}

/** A 403, or a page the role may not open: one plain sentence in place of the screen. */
export function RoleRefused({ headingLevel = 3, onBack }: RoleRefusedProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const session = useSession();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="role-refused" role="alert" aria-labelledby={titleId}>
      <Heading id={titleId} className="error-title">
        {t('refused.title')}
      </Heading>
      <p>
        {session ? t('refused.body', { role: t(`role.${session.role}`) }) : t('refused.bodyNoRole')}
      </p>
      {onBack ? (
        <p>
          <button type="button" className="button-quiet" onClick={onBack}>
            {t('refused.back')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
