import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { readTabId } from '@/utils/ui/tab-id';
import { useDebounced } from '@/utils/ui/use-debounced';
import { usePageStack } from '@/utils/ui/use-page-stack';
import { useShownTabId } from '@/utils/ui/use-shown-tab-id';
import { draftFromUnknownName, sourceOfArticle } from '@/utils/ui/kb-form';
import type { UnknownName } from '@/utils/match/unknown-name';
import type { TabAnalysis } from '@/utils/messages';
import { AddEntityView } from './AddEntityView';
import { EntityView } from './EntityView';
import { EventView } from './EventView';
import { LibraryLink } from './LibraryLink';
import { PanelHighlightSettings } from './PanelHighlightSettings';
import { SearchBox } from './SearchBox';
import { SearchView } from './SearchView';
import { TabPanelBody } from './TabPanelBody';

/** Shorter queries match too much of the knowledge base to be useful. */
const minQueryLength = 2;
const searchDelayMs = 250;

/**
 * The side panel: the backstory of the shown tab, actor and event pages, and search.
 * The overview (or search results) stays mounted under an open page, so Back is instant
 * and returns to the same place, with focus on the control that opened the page.
 */
export function SidePanel() {
  const [fixedTabId] = useState(() => readTabId(location.search));
  const tabId = useShownTabId(fixedTabId, true);
  const pages = usePageStack();
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query.trim(), searchDelayMs);
  const [notice, setNotice] = useState('');
  useEffect(() => pages.reset(), [tabId]);

  const openEntity = (id: string) => pages.open({ kind: 'entity', id });
  const openEvent = (id: string) => pages.open({ kind: 'event', id });
  const addName = (name: UnknownName, article: TabAnalysis['article']) =>
    pages.open({ kind: 'add', id: name.text, draft: draftFromUnknownName(name), source: sourceOfArticle(article) });
  const reveal =
    typeof tabId === 'number'
      ? (entityId: string) => {
          void sendToTab(tabId, 'revealEntity', { entityId }).then((reply) => setNotice(reply.ok && reply.value ? '' : t('revealMissing')));
        }
      : undefined;
  const search = (value: string) => {
    setQuery(value);
    pages.reset();
  };

  const { top } = pages;
  const searching = settledQuery.length >= minQueryLength;
  return (
    <>
      <header class="panel-bar">
        {top && (
          <button type="button" class="back-button" data-testid="back" onClick={pages.back}>
            {t('back')}
          </button>
        )}
        <SearchBox value={query} label={t('searchLabel')} placeholder={t('searchPlaceholder')} testId="search" onChange={search} />
      </header>
      <main class="panel-main">
        {top?.kind === 'entity' && <EntityView key={top.id} id={top.id} onOpenEntity={openEntity} onOpenEvent={openEvent} onReveal={reveal} />}
        {top?.kind === 'event' && <EventView key={top.id} id={top.id} onOpenEntity={openEntity} onOpenEvent={openEvent} />}
        {top?.kind === 'add' && <AddEntityView key={top.id} draft={top.draft} source={top.source} />}
        <div hidden={top !== null}>
          {searching ? (
            <SearchView query={settledQuery} onOpenEntity={openEntity} onOpenEvent={openEvent} />
          ) : (
            <TabPanelBody tabId={tabId} onOpenEntity={openEntity} onOpenEvent={openEvent} onAddName={addName} onSearch={search} />
          )}
          <PanelHighlightSettings tabId={typeof tabId === 'number' ? tabId : null} />
        </div>
      </main>
      <footer class="panel-footer">
        <p role="status" class="notice">
          {notice}
        </p>
        <LibraryLink />
      </footer>
    </>
  );
}
