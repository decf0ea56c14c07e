/** Remembers which one-time tips the user has been shown. */
export interface TipStore {
  seen(id: string): boolean;
  markSeen(id: string): void;
}

const PREFIX = "salesReview.tipSeen.";

/**
 * Tips remembered in `storage` (the pane's localStorage), so a tip shows once on this
 * computer. Where storage is missing or refuses (blocked cookies, a full quota) the tips are
 * remembered for this session only: shown once per opening of the pane, never on every run.
 * @example const tips = storageTips(window.localStorage); tips.seen("ctrlZ") === false; tips.markSeen("ctrlZ")
 */
export function storageTips(storage: Pick<Storage, "getItem" | "setItem"> | undefined): TipStore {
  const session = new Set<string>();
  return {
    seen(id) {
      if (session.has(id)) return true;
      try {
        return storage?.getItem(PREFIX + id) === "1";
      } catch {
        return false; // unreadable storage: the session set decides
      }
    },
    markSeen(id) {
      session.add(id);
      try {
        storage?.setItem(PREFIX + id, "1");
      } catch {
        // refused: remembered in `session` for as long as the pane is open
      }
    },
  };
}

/**
 * Whether to show tip `id` now: only when `relevant`, and only the first time; showing it
 * marks it seen.
 * @example const tips = storageTips(undefined); takeTip(tips, "ctrlZ", true) === true; takeTip(tips, "ctrlZ", true) === false
 */
export function takeTip(tips: TipStore | undefined, id: string, relevant: boolean): boolean {
  if (!relevant || !tips || tips.seen(id)) return false;
  tips.markSeen(id);
  return true;
}
