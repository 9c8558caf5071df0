/** The pane's tab strip is the web page's: src/ui/Tabs.tsx (WAI-ARIA tabs, no focus sentinels). */
export { Tabs, type TabItem, type TabsProps } from '../../ui/Tabs';
