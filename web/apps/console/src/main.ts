import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { setUnauthorizedHandler } from '@shared/api'
import { useSession } from './stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)

setUnauthorizedHandler(() => {
  useSession(pinia).expire()
  const here = router.currentRoute.value
  if (here.name !== 'signin') router.replace({ name: 'signin', query: { next: here.fullPath } })
})

// A page restored from the back/forward cache (e.g. Back after signing out) would show the last screen's data as it
// was: load it afresh instead, so the router asks the server again who is signed in.
window.addEventListener('pageshow', (e) => {
  if (e.persisted) window.location.reload()
})

document.documentElement.lang = i18n.global.locale.value
app.mount('#app')
