import { createApp } from 'vue'
import './styles.css'
import App from './App.vue'
import { locale } from './i18n'

document.documentElement.lang = locale.value
createApp(App).mount('#app')

// the app shell is kept by a small service worker (public/sw.js) so that the terminal opens with no link at all
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch(() => {
    // not in a secure context (plain http on a LAN address): the app still works online
  })
}
