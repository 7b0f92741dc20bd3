import { createApp } from 'vue'
import '@shared/hall/public.css'
import './styles.css'
import App from './App.vue'

createApp(App).mount('#app')

// the app shell from the service worker (public/sw.js, scope /pad/): the PAD starts without a network
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .catch(() => { /* no service worker: the PAD still works while the page stays open */ })
}
