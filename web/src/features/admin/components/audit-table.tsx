import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/data-table';
import type { AuditEntry } from '@/lib/audit-contract';
import { roleSchema } from '@/lib/auth-contract';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';

// v9 core only, as in codes-table.tsx: filters and paging are the server's, held in the URL.
const features = tableFeatures({});
const helper = createColumnHelper<typeof features, AuditEntry>();

interface AuditTableProps {
  entries: AuditEntry[];
  caption: string;
  busy: boolean;
}

/** One row per audited action: when, who, what, on which stock, the outcome and the evidence. */
export function AuditTable({ entries, caption, busy }: AuditTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('id', {
          header: () => t('audit.columns.id'),
          cell: (info) => `#${info.getValue()}`,
        }),
        helper.accessor('at', {
          header: () => t('audit.columns.at'),
          cell: (info) => formatDateTime(info.getValue(), language),
        }),
        helper.accessor('username', {
          header: () => t('audit.columns.user'),
          cell: (info) => info.getValue() ?? t('audit.unknownUser'),
        }),
        helper.accessor('role', {
          header: () => t('audit.columns.role'),
          cell: (info) => {
            const role = roleSchema.safeParse(info.getValue());
            return role.success ? t(`role.${role.data}`) : (info.getValue() ?? '—');
          },
        }),
        helper.accessor('action', {
          header: () => t('audit.columns.action'),
          cell: (info) => t(`audit.actions.${info.getValue()}`),
        }),
        helper.accessor('stock_id', {
          header: () => t('audit.columns.stock'),
          cell: (info) => <code className="code">{info.getValue() ?? '—'}</code>,
        }),
        helper.accessor('code_count', {
          header: () => t('audit.columns.codes'),
          cell: (info) => {
            const count = info.getValue();
            return count === null ? '—' : formatCount(count, language);
          },
        }),
        helper.accessor('outcome', {
          header: () => t('audit.columns.outcome'),
          cell: (info) => {
            const ok = info.getValue() === 'ok';
            return (
              <span className={`badge ${ok ? 'badge-covered' : 'badge-not_covered'}`}>
                {ok ? t('audit.outcomeOk') : info.getValue()}
              </span>
            );
          },
        }),
        helper.accessor('request_ids', {
          header: () => t('audit.columns.requestIds'),
          cell: (info) => <RequestIds ids={info.getValue()} />,
        }),
        helper.accessor('client_ip', {
          header: () => t('audit.columns.ip'),
          cell: (info) => <code className="code">{info.getValue() ?? '—'}</code>,
        }),
        helper.accessor('detail', {
          header: () => t('audit.columns.detail'),
          cell: (info) => info.getValue() ?? info.row.original.route ?? '',
        }),
      ]),
    [t, language],
  );
  const table = useTable({ features, columns, data: entries, getRowId: (row) => String(row.id) });
  return <DataTable table={table} caption={caption} busy={busy} />;
}

/** A scan may rest on hundreds of Request-IDs: the first, and how many more (the CSV has all). */
function RequestIds({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const [first] = ids;
  if (!first) return '—';
  return (
    <>
      <code className="code">{first}</code>
      {ids.length > 1 ? ` ${t('audit.moreIds', { count: ids.length - 1 })}` : null}
    </>
  );
}
