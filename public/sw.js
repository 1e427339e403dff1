// Eventually's service worker: the app keeps working offline once it has been loaded, because
// classroom networks fail. Network first, so that a new version is picked up whenever the network
// is there; the cache answers only when it is not. Only this origin's GET requests are kept.
const CACHE = 'eventually-offline-v1'

self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone()
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)))
        }
        return response
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error()),
      ),
  )
})
