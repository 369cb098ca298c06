import type { DefaultTheme } from 'vitepress'

export function sidebarContribute(): DefaultTheme.SidebarItem[] {
  return [
    { text: "About contributions", link: "intro" },
    {
      text: "Components",
      items: [
        { text: "Docs", link: "docs" },
        { text: "Images", link: "images" },
      ]
    },
  ]
}
