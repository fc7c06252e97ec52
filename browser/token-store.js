'use strict';

// The tokens a page keeps for the store's files, in IndexedDB so that the
// service worker can read what the page wrote. Keyed by path prefix ("/3f2a9c/"),
// or ACCOUNT for the token that grants everything the user's account may read.
// Loaded with <script> by the page and importScripts by the worker.
(function defineTokenStore(scope) {
  const DATABASE = 'protected-file-store';
  const TOKENS = 'tokens';
  const ACCOUNT = 'account';

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(TOKENS);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function inTransaction(mode, operation) {
    const database = await open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = database.transaction(TOKENS, mode);
        const request = operation(transaction.objectStore(TOKENS));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      database.close();
    }
  }

  scope.protectedFileTokens = Object.freeze({
    ACCOUNT,
    put: (key, token) => inTransaction('readwrite', (tokens) => tokens.put(token, key)),
    get: (key) => inTransaction('readonly', (tokens) => tokens.get(key)),
    remove: (key) => inTransaction('readwrite', (tokens) => tokens.delete(key)),
  });
}(self));
