import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageStatus } from 'server/contract';
import { CopyButton } from '@/components/copy-button';
import { DataTable } from '@/components/data-table';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';

export interface CoverageRow {
  n: number;
  code: string;
  status: CoverageStatus;
}

// v9 core only, as in codes-table.tsx: filtering is a plain array filter upstream of the table.
const features = tableFeatures({});
const helper = createColumnHelper<typeof features, CoverageRow>();

interface CoverageTableProps {
  rows: CoverageRow[];
  caption: string;
}

/** One row per checked code; up to 10,000 rows, so long lists are virtualized by DataTable. */
export function CoverageTable({ rows, caption }: CoverageTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('n', {
          header: () => t('codes.columnNumber'),
          cell: (info) => formatCount(info.getValue(), language),
        }),
        helper.accessor('code', {
          header: () => t('codes.columnCode'),
          cell: (info) => <code className="code">{info.getValue()}</code>,
        }),
        helper.accessor('status', {
          header: () => t('coverage.columnResult'),
          cell: (info) => (
            <span className={`badge badge-${info.getValue()}`}>
              {t(`coverage.status.${info.getValue()}`)}
            </span>
          ),
        }),
        helper.display({
          id: 'copy',
          header: () => t('codes.columnCopy'),
          cell: (info) => (
            <CopyButton
              text={info.row.original.code}
              label={t('codes.copyCode', { code: info.row.original.code })}
            />
          ),
        }),
      ]),
    [t, language],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => String(row.n) });
  return <DataTable table={table} caption={caption} />;
}
