import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '@/components/copy-button';
import { DataTable } from '@/components/data-table';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { HighlightedCode } from './highlighted-code';

/** One listed code with its place in the whole list (row numbers continue across pages). */
export interface CodeRow {
  n: number;
  code: string;
  exact?: boolean;
}

// TanStack Table v9 on purpose (not the v8 API under /legacy): paging and search happen on the
// server and the URL owns the table state, so we register no client features at all and ship
// only the core row model (v9 features are tree-shaken; v8 bundles them all).
const features = tableFeatures({});
const helper = createColumnHelper<typeof features, CodeRow>();

interface CodesTableProps {
  rows: CodeRow[];
  caption: string;
  /** Search text to mark inside each code. */
  highlight?: string;
  busy?: boolean;
}

/** Row number, monospace code that never wraps, and a copy button per code. */
export function CodesTable({ rows, caption, highlight = '', busy }: CodesTableProps) {
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
          cell: (info) => (
            <HighlightedCode
              code={info.getValue()}
              query={highlight}
              exact={info.row.original.exact}
            />
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
    [t, language, highlight],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => String(row.n) });
  return (
    <DataTable
      table={table}
      caption={caption}
      busy={busy}
      rowClassName={(row) => (row.exact ? 'row-exact' : undefined)}
    />
  );
}
