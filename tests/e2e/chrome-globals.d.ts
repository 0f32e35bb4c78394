// The extension APIs as seen from code that Playwright evaluates inside the extension's
// service worker. Only what the tests call is declared.
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: { session: { get(key: string | null): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getContexts(filter: { contextTypes: string[] }): Promise<{ contextType: string }[]> };
};
