import type { BootData } from '../../handler/index-html';

/** What the handler wrote into the page: title, ui-api version and the verdict on each plugin bundle. */
export function readBootData(): BootData {
  const element = document.getElementById('portico-boot');
  if (!element?.textContent) return { title: 'Portico', uiApiVersion: 'unknown', plugins: [] };
  return JSON.parse(element.textContent) as BootData;
}
