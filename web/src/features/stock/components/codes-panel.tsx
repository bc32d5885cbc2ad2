import type { Navigate, ViewState } from '@/features/stock/lib/view-state';
import type { StockTarget } from '@/lib/stock-path';
import { BrowseCodes } from './browse-codes';
import { SearchBox } from './search-box';
import { SearchResults } from './search-results';
import type { CurrentPage } from './use-current-page';

interface CodesPanelProps {
  view: ViewState;
  navigate: Navigate;
  target: StockTarget;
  page: CurrentPage;
}

/** Page through the stock as WeChat Pay serves it, or search all of it once text is typed. */
export function CodesPanel({ view, navigate, target, page }: CodesPanelProps) {
  const searching = view.q.trim() !== '';
  return (
    <>
      <SearchBox key={`${target.mchid}/${target.stock}`} value={view.q} navigate={navigate} />
      {searching ? (
        <SearchResults view={view} navigate={navigate} target={target} />
      ) : (
        <BrowseCodes view={view} navigate={navigate} page={page} />
      )}
    </>
  );
}
