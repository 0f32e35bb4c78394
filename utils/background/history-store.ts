/**
 * The reader's history in the database (issue 18): stories kept by URL, found by their keys
 * (rare words and events, see Story.keys). Only the background reads it; content scripts
 * cannot ask for it (see contentScriptMessages).
 */
import type { BackstoryDb } from '../db';
import { rankStories, type RelatedStory } from '../history/rank-stories';
import type { Story } from '../history/story';
import type { StorySummary } from '../messages';

/**
 * The reader's earlier stories on the topic of `story`, best first: only those that share a
 * key with it are read (each once). [] when none passes the ranking's floor.
 */
export async function readBefore(db: BackstoryDb, story: Story): Promise<RelatedStory[]> {
  if (!story.keys.length) return [];
  const near = await db.stories.where('keys').anyOf(story.keys).distinct().toArray();
  return rankStories(story, near);
}

/** Keeps a story, replacing an earlier reading of the same URL. */
export async function keepStory(db: BackstoryDb, story: Story): Promise<void> {
  await db.stories.put(story);
}

/** The newest stories (at most `limit`) and how many there are. */
export async function listStories(db: BackstoryDb, limit: number): Promise<{ stories: StorySummary[]; total: number }> {
  const [newest, total] = await Promise.all([db.stories.orderBy('readAt').reverse().limit(limit).toArray(), db.stories.count()]);
  return { stories: newest.map(({ url, title, site, date, readAt }) => ({ url, title, site, date, readAt })), total };
}

/** The newest stories, whole (at most `limit`): what the history's threads are found in. */
export async function recentStories(db: BackstoryDb, limit: number): Promise<Story[]> {
  return db.stories.orderBy('readAt').reverse().limit(limit).toArray();
}

/** Forgets every story; returns how many there were. */
export async function clearStories(db: BackstoryDb): Promise<number> {
  return db.transaction('rw', db.stories, async () => {
    const removed = await db.stories.count();
    await db.stories.clear();
    return removed;
  });
}
