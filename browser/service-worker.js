'use strict';

// Seed step 5: adds the token to requests for the store's files, so that
// <img src="https://dxxxx.cloudfront.net/3f2a9c/photo.png"> in a page works
// without the link itself carrying a token that would expire. Register it as
//   navigator.serviceWorker.register('/service-worker.js?files=' + encodeURIComponent(filesUrl))
// where filesUrl is where the store's files are served (status.url plus "/").
// Optional: &parameter=NAME when the store's spec.authorizer.queryParameter is
// not "authorization".
//
// A file's path prefix is the first path segment below filesUrl ("/3f2a9c/");
// the token stored for it is used, else the account-wide token, else the
// request goes out unchanged (and the edge answers 401). Only GET requests for
// that origin and path are touched: a token never goes to another origin.

importScripts('token-store.js');

const settings = new URL(self.location.href).searchParams;
const FILES = new URL(settings.get('files'));
const PARAMETER = settings.get('parameter') || 'authorization';
const tokens = self.protectedFileTokens;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const prefix = pathPrefixOf(event.request);
  if (prefix !== null) {
    event.respondWith(withToken(event.request, prefix));
  }
});

// "/3f2a9c/" for a file of the store, else null.
function pathPrefixOf(request) {
  if (request.method !== 'GET') {
    return null;
  }
  const url = new URL(request.url);
  if (url.origin !== FILES.origin || !url.pathname.startsWith(FILES.pathname) || url.searchParams.has(PARAMETER)) {
    return null;
  }
  const below = url.pathname.slice(FILES.pathname.length);
  const slash = below.indexOf('/');
  return slash > 0 ? FILES.pathname + below.slice(0, slash + 1) : null;
}

async function withToken(request, prefix) {
  const token = await storedToken(prefix);
  if (!token) {
    return fetch(request);
  }
  const url = new URL(request.url);
  url.searchParams.set(PARAMETER, token);
  // Same method, headers, mode and credentials as the page's request: an <img>
  // stays a no-cors request, a fetch() from the page stays a CORS one. A
  // navigation (files served from the page's own origin) cannot be re-created
  // as one, so it becomes a plain same-origin GET.
  const init = request.mode === 'navigate'
    ? { headers: request.headers, credentials: request.credentials, redirect: 'manual' }
    : request;
  return fetch(new Request(url, init));
}

async function storedToken(prefix) {
  try {
    return (await tokens.get(prefix)) || (await tokens.get(tokens.ACCOUNT));
  } catch {
    // Without readable storage the request still goes out, and is refused by the edge.
    return undefined;
  }
}
