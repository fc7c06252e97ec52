'use strict';

// The demo page's behaviour: registers the service worker for the store's file
// URL (?files=... in this page's address), keeps tokens in the page's storage
// and shows <img> tags for file keys. window.demo is what the browser test drives.

const page = new URL(location.href).searchParams;
const filesUrl = page.get('files');
const tokens = self.protectedFileTokens;
const element = (id) => document.getElementById(id);

const ready = registerWorker();

async function registerWorker() {
  if (!filesUrl) {
    element('status').textContent = 'Open this page with ?files=<where the store\'s files are served>.';
    throw new Error('no ?files= in the page address');
  }
  const files = new URL(filesUrl);
  await navigator.serviceWorker.register(`/service-worker.js?files=${encodeURIComponent(files.href)}`, { scope: '/' });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  element('status').textContent = `The service worker adds tokens to requests for ${files.href}`;
  return files;
}

let shown = 0;

// Resolves to [{ url, loaded, naturalWidth }] once every image has loaded or failed.
// Each showing asks again (?view=N, which the edge ignores), so that a token
// just forgotten shows its effect instead of the browser's cached copy.
async function showImages(keys) {
  const files = await ready;
  const container = element('images');
  container.replaceChildren();
  shown += 1;
  return Promise.all(keys.map((key) => new Promise((resolve) => {
    const url = new URL(`${key}?view=${shown}`, files).href;
    const figure = document.createElement('figure');
    const image = document.createElement('img');
    const caption = document.createElement('figcaption');
    const done = (loaded) => {
      caption.textContent = loaded ? `${key}: ${image.naturalWidth}x${image.naturalHeight}` : `${key}: refused`;
      resolve({ url, loaded, naturalWidth: image.naturalWidth });
    };
    image.addEventListener('load', () => done(true), { once: true });
    image.addEventListener('error', () => done(false), { once: true });
    image.alt = key;
    image.src = url;
    figure.append(image, caption);
    container.append(figure);
  })));
}

window.demo = {
  ready,
  showImages,
  saveToken: (prefix, token) => tokens.put(prefix, token),
  forgetToken: (prefix) => tokens.remove(prefix),
  saveAccountToken: (token) => tokens.put(tokens.ACCOUNT, token),
  forgetAccountToken: () => tokens.remove(tokens.ACCOUNT),
};

element('files').value = filesUrl ?? '';
element('prefix').value = page.get('prefix') ?? '';
element('keys').value = (page.getAll('key')).join('\n');
element('save').addEventListener('click', () => window.demo.saveToken(element('prefix').value, element('token').value));
element('save-account').addEventListener('click', () => window.demo.saveAccountToken(element('token').value));
element('forget').addEventListener('click', () => window.demo.forgetToken(element('prefix').value));
element('forget-account').addEventListener('click', () => window.demo.forgetAccountToken());
element('show').addEventListener('click', () => showImages(element('keys').value.split('\n').map((key) => key.trim()).filter(Boolean)));
