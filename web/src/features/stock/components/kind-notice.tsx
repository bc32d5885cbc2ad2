import { useTranslation } from 'react-i18next';
import type { StockKind } from 'server/contract';

interface KindNoticeProps {
  kind: Exclude<StockKind, 'single_item'>;
}

/** Why a whole-store voucher or a non-voucher stock has no list of product codes. */
export function KindNotice({ kind }: KindNoticeProps) {
  const { t } = useTranslation();
  return (
    <section className="card notice" aria-labelledby="kind-notice-title">
      <h3 id="kind-notice-title">{t(`kindNotice.${kind}.title`)}</h3>
      <p>{t(`kindNotice.${kind}.body`)}</p>
    </section>
  );
}
