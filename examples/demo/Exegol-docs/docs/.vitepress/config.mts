import { defineConfig, type DefaultTheme } from 'vitepress'
import { sidebarContribute } from './sidebars/contribute'

type SidebarItemWithBadge = DefaultTheme.SidebarItem & { badge?: string }

const RELEASES = 'https://github.com/ThePorgs/Exegol/releases/'
const CHANGELOG = process.env.CHANGELOG_PAGE ?? '/changelog'

// https://vitepress.dev/reference/site-config
export default defineConfig({
  title: "Exegol Docs",
  srcDir: 'src',
  description: "Official documentation for Exegol",
  cleanUrls: true,
  head: [
    ['link', { rel: 'icon', type: 'image/png', sizes: '32x32', href: '/images/favicon-32x32.png' }],
  ],
  themeConfig: {
    nav: nav(),
    sidebar: {
      '/contribute/': { base: '/contribute/', items: sidebarContribute() },
      '/legal/': { base: '/legal/', items: sidebarLegal() },
      '/': { base: '/', items: sidebarMain() }
    },
    socialLinks: [
      { icon: 'github', link: 'https://github.com/ThePorgs/Exegol' },
    ]
  },
})

function nav(): DefaultTheme.NavItem[] {
  return [
    { text: 'First install', link: 'first-install' },
    { text: 'FAQ', link: 'faq' },
    {
      text: 'Others',
      items: [
        { text: 'Landing', link: 'https://exegol.com/' },
        { text: 'Blog', link: '/blog/', activeMatch: '/blog/' },
        { text: 'Contribute', link: '/contribute/intro', activeMatch: '/contribute/intro' },
      ]
    },
  ]
}

function sidebarLegal(): SidebarItemWithBadge[] {
  return [
    {
      text: "Legal",
      items: [
        { text: "Summary", link: "summary" },
        { text: "Terms of Sale and Service", link: "terms-of-sale-and-service" },
      ]
    }
  ]
}

function sidebarMain(): SidebarItemWithBadge[] {
  return [
    { text: "About Exegol", link: "about" },
    { text: "First install", link: "first-install" },
    {
      text: "Exegol images",
      collapsed: false,
      items: [
        { text: "Tools list", link: "images/tools.md" },
      ]
    },
    {
      text: "Exegol wrapper",
      collapsed: false,
      items: [
        {
          text: "Command-line actions",
          collapsed: true,
          items: [
            { text: "exec", link: "wrapper/cli/exec.md" },
            { text: "install", link: "wrapper/cli/install.md" },
            { text: "restart", link: "wrapper/cli/restart.md" },
            { text: "start", link: "wrapper/cli/start.md", badge: "new" },
          ]
        },
      ]
    },
    { text: "Frequently asked questions", link: "faq.md" },
    { text: "Releases", link: RELEASES },
    { text: "Changelog", link: CHANGELOG },
  ]
}
