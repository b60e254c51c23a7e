/**
 * The reader-facing texts of following a story that scripts write (the
 * popup's button and status, the manager's buttons and messages, the cards'
 * source line), in one place so they can be translated with the rest of the
 * interface; the manager's headings and labels are in its index.html.
 */
export const FOLLOW_STRINGS = {
  followButton: 'Follow this story',
  following: 'Drafting the story from this article…',
  followed: (title: string) => `Following: ${title}. Pages about it are highlighted from now on.`,
  alreadyFollowed: 'You follow the story of this article.',
  followFailed: (reason: string) => `Could not follow this story: ${reason}`,
  notAnArticle: 'This page does not look like an article.',
  noneFollowed: 'You follow no story yet. Open an article and choose “Follow this story” in the toolbar popup.',
  rename: 'Rename',
  renameLabel: (title: string) => `New name for “${title}”`,
  exportStory: 'Export',
  unfollow: 'Unfollow',
  removeFact: (title: string) => `Remove “${title}”`,
  facts: (count: number) => `${count} drafted facts`,
  storage: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB stored`,
  imported: (title: string) => `Imported: ${title}`,
  importFailed: (file: string, reason: string) => `${file} was not imported, nothing changed: ${reason}`,
} as const;

/** A followed story's source on its cards: "From Harbour Ledger, 12 Mar 2025: followed by you, not reviewed". */
export function followedSourceLine(
  site: string,
  date: string | undefined,
  formatDate: (iso: string) => string,
): string {
  return `From ${site}${date ? `, ${formatDate(date)}` : ''}: followed by you, not reviewed`;
}
