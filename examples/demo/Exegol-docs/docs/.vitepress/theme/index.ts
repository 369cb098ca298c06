import DefaultTheme from 'vitepress/theme'
import BlogList from './components/BlogList.vue'
import Badge from './components/Badge.vue'

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('BlogList', BlogList)
    app.component('Badge', Badge)
  }
}
