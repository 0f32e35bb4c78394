import { sendToBackground, type Result, type SearchResults } from '@/utils/messages';
import { useResult } from '@/utils/ui/use-result';
import { SearchResultsList } from './SearchResultsList';
import { StatusNote } from './StatusNote';

interface Props {
  query: string;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

async function search(query: string): Promise<Result<{ query: string; results: SearchResults }>> {
  const reply = await sendToBackground('searchKb', { query });
  return reply.ok ? { ok: true, value: { query, results: reply.value } } : reply;
}

/** Searches the knowledge base (the caller debounces the query) and lists what matches. */
export function SearchView({ query, onOpenEntity, onOpenEvent }: Props) {
  const loaded = useResult(() => search(query), [query]);
  if (loaded.status === 'loading') return <StatusNote kind="loading" />;
  if (loaded.status === 'error') return <StatusNote kind="error" detail={loaded.error} />;
  const { query: answered, results } = loaded.value;
  return <SearchResultsList query={answered} results={results} onOpenEntity={onOpenEntity} onOpenEvent={onOpenEvent} />;
}
