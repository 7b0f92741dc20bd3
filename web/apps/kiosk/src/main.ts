import { createApp } from 'vue'
import '@shared/hall/public.css'
import './styles.css'
import App from './App.vue'

createApp(App).mount('#app')
