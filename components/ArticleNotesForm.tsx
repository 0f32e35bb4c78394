import { useId, useState } from 'preact/hooks';
import { sendToBackground, type SavedArticle } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';

interface Props {
  article: SavedArticle;
}

/** Tags (comma-separated) and the reader's note of a saved article, saved together. */
export function ArticleNotesForm({ article }: Props) {
  const id = useId();
  const [tags, setTags] = useState(article.tags.join(', '));
  const [note, setNote] = useState(article.note);
  const [status, setStatus] = useState('');

  const save = async (e: Event) => {
    e.preventDefault();
    const list = tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const reply = await sendToBackground('updateArticle', { url: article.url, tags: list, note });
    setStatus(reply.ok ? t('librarySavedNotes') : t('actionFailed', reply.error));
  };

  return (
    <form class="notes-form" onSubmit={(e) => void save(e)}>
      <label for={`${id}-tags`}>{t('libraryTagsField')}</label>
      <input id={`${id}-tags`} type="text" data-testid="article-tags-input" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      <label for={`${id}-note`}>{t('libraryNoteField')}</label>
      <textarea id={`${id}-note`} rows={4} data-testid="article-note-input" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" data-testid="save-notes">
        {t('librarySaveNotes')}
      </button>
      <p role="status" class="status-note" data-testid="notes-status">
        {status}
      </p>
    </form>
  );
}
