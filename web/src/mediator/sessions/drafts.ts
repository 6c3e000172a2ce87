import { onLogout } from '../../api/auth';

/**
 * Drafts of 调解笔录 kept in this browser (localStorage: a closed tab or a dead battery loses
 * nothing). They are confidential, so logout deletes every one of them.
 */
const PREFIX = 'mediator.draft.';

export function loadDraft<T>(key: string): { values: T; savedAt: string } | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as { values: T; savedAt: string }) : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, values: T): string {
  const savedAt = new Date().toISOString();
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ values, savedAt }));
  } catch {
    // Storage full or disabled: the form itself still holds the text.
  }
  return savedAt;
}

export function deleteDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing stored.
  }
}

export function deleteAllDrafts(): void {
  try {
    for (const key of Object.keys(localStorage))
      if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}

onLogout(deleteAllDrafts);
