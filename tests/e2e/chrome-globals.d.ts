// The extension APIs as seen from code that Playwright evaluates inside the extension's
// service worker. Only what the tests call is declared.
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    get(tabId: number): Promise<{ id?: number; url?: string; windowId?: number }>;
  };
  storage: { session: { get(key: string | null): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
  alarms: { getAll(): Promise<{ name: string; periodInMinutes?: number }[]> };
  downloads: { search(q: { filenameRegex?: string; state?: string }): Promise<{ filename: string; state: string }[]>; download(o: object): Promise<number> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getContexts(filter: { contextTypes: string[] }): Promise<{ contextType: string }[]> };
};
