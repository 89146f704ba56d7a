import { h } from './dom';
import { type ColourBy, KINDS, OUT_OF_NETWORK, swatchesFor } from './palette';

/** The legend for the current colour scheme: colours, shapes and the synthetic-layer mark. */
export function legend(by: ColourBy): HTMLElement {
  const title = by === 'level' ? '层级 五级 Level' : '类别 四类 Category';
  return h(
    'div',
    { class: 'legend-body' },
    h('h4', {}, title),
    h(
      'ul',
      {},
      swatchesFor(by).map((s) =>
        h('li', {}, h('span', { class: 'swatch', 'data-colour': s.colour }), `${s.zh} ${s.en}`),
      ),
      h('li', {}, h('span', { class: 'swatch neutral' }), '受助方/无 Beneficiary / none'),
    ),
    h('h4', {}, '五级四类以外 Outside the network'),
    h(
      'ul',
      {},
      OUT_OF_NETWORK.map((k) =>
        h(
          'li',
          { id: `legend-kind-${k.value.toLowerCase()}` },
          h('span', { class: 'swatch dotted', 'data-colour': k.colour }),
          `${k.zh} ${k.value}（点线 dotted）`,
        ),
      ),
    ),
    h('h4', {}, '形状 Shape'),
    h(
      'ul',
      {},
      KINDS.map((k) => h('li', {}, h('span', { class: `shape shape-${k.shape}` }), `${k.zh} ${k.en}`)),
    ),
    h('h4', {}, '来源 Layer'),
    h(
      'ul',
      {},
      h(
        'li',
        { id: 'legend-synthetic' },
        h('span', { class: 'swatch synthetic' }),
        '合成 SYNTHETIC（虚线 dashed）',
      ),
      h('li', {}, h('span', { class: 'swatch reported' }), '报道/推导 REPORTED / DERIVED'),
      h('li', {}, h('span', { class: 'swatch expanded' }), '已展开 expanded'),
      h('li', { id: 'legend-ended' }, h('span', { class: 'swatch ended' }), '已解除 ended（淡 faded）'),
    ),
  );
}

/**
 * Inline `style` attributes are avoided (the page's CSP allows them, but the pages do not rely on
 * it): swatch colours are set through the CSSOM after the legend is built.
 */
export function paintSwatches(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('[data-colour]').forEach((el) => {
    // A dotted swatch draws a line (its border) in the colour, not a filled square.
    if (el.classList.contains('dotted')) el.style.color = el.dataset.colour ?? '';
    else el.style.backgroundColor = el.dataset.colour ?? '';
  });
}
