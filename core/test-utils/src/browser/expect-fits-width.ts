import type { Page } from 'playwright-core';

/**
 * Throws when the page scrolls sideways (wide content must scroll inside its own box, e.g. a
 * `TableScroller`), naming the outermost elements that stick out so the failure says what to fix.
 * @alpha
 */
export async function expectFitsWidth(page: Page, where = page.url()): Promise<void> {
  const overflow = await page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    if (scrollWidth <= clientWidth) return null;
    const sticksOut = (el: Element | null): boolean => el !== null && el.getBoundingClientRect().right > clientWidth + 1;
    const outermost = [...document.body.querySelectorAll('*')].filter((el) => sticksOut(el) && !sticksOut(el.parentElement));
    const describe = (el: Element): string => `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''} class="${el.getAttribute('class') ?? ''}"> reaching ${Math.round(el.getBoundingClientRect().right)} px: "${(el.textContent ?? '').slice(0, 60)}"`;
    return { scrollWidth, clientWidth, elements: outermost.slice(0, 8).map(describe) };
  });
  if (overflow) throw new Error(`${where} scrolls sideways: ${overflow.scrollWidth} px of content in ${overflow.clientWidth} px. Sticking out:\n  ${overflow.elements.join('\n  ')}`);
}
