import type { ReactTable, RowData, TableFeatures } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef } from 'react';

/** Pages longer than this render only the rows in view (page size 100, coverage results). */
export const VIRTUALIZE_ABOVE = 50;
const ROW_HEIGHT = 41;

interface DataTableProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: ReactTable<TFeatures, TData>;
  caption: string;
  rowClassName?: (row: TData) => string | undefined;
  /** True while a newer page loads behind the one shown (keepPreviousData). */
  busy?: boolean;
}

/**
 * A TanStack Table rendered as a real <table> (headers, caption, rows for assistive tech).
 * Long lists are virtualized with spacer rows rather than CSS grid, so table semantics and
 * column widths survive; aria-rowcount/aria-rowindex tell screen readers the full size.
 */
export function DataTable<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  caption,
  rowClassName,
  busy = false,
}: DataTableProps<TFeatures, TData>) {
  const captionId = useId();
  const scrollRef = useRef<HTMLElement>(null);
  const rows = table.getRowModel().rows;
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const shown = virtual ? items.flatMap((item) => rows[item.index] ?? []) : rows;
  const first = items[0];
  const last = items.at(-1);
  const padTop = virtual && first ? first.start : 0;
  const padBottom = virtual && last ? virtualizer.getTotalSize() - last.end : 0;
  const columnCount = table.getAllLeafColumns().length;

  return (
    <section
      ref={scrollRef}
      className={`table-scroll${virtual ? ' table-scroll-virtual' : ''}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      aria-labelledby={captionId}
    >
      <table
        className="data-table"
        aria-busy={busy || undefined}
        aria-rowcount={virtual ? rows.length + 1 : undefined}
      >
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={virtual ? 1 : undefined}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it can take focus
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {shown.map((row) => (
            <tr
              key={row.id}
              data-index={row.index}
              ref={virtual ? virtualizer.measureElement : undefined}
              aria-rowindex={virtual ? row.index + 2 : undefined}
              className={rowClassName?.(row.original)}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {padBottom > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it can take focus
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
