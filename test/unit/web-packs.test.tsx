/** @jest-environment jsdom */
/**
 * The web page with packs deployed beside it: the Tạo biểu mẫu tab offers the pack's tables beside
 * the standard ones; a pack that fails its check is named with its faults and offers nothing.
 */
import '../support/taskpane-polyfill';
import { act } from 'react';
import { render, screen } from '@testing-library/react';
import { WebApp } from '../../src/web/WebApp';
import { loadPacks, type PackFetch } from '../../src/core/forms/pack-loader';
import { BUILTIN_CATALOG } from '../../src/core/forms/builtin';
import { at, goodPack } from '../support/packs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BASE = 'https://addin.example.gov.vn/bieumau/packs/';

test('the pack tables are offered; the broken pack is named with its faults', async () => {
  const broken = goodPack();
  broken.id = 'test.broken';
  at(broken, 'crossRules[0].right').template = 'b01';
  const files: Record<string, unknown> = { 'index.json': { packs: ['tiep-dan.json', 'hong.json'] }, 'tiep-dan.json': goodPack(), 'hong.json': broken };
  const fetch: PackFetch = async (url) => {
    const body = files[url.slice(BASE.length)];
    return body === undefined ? { ok: false, status: 404, text: async () => '' } : { ok: true, status: 200, text: async () => JSON.stringify(body) };
  };
  await act(async () => {
    render(<WebApp loadPacks={() => loadPacks(fetch, `${BASE}index.json`, BUILTIN_CATALOG)} />);
  });
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-template]')].map((el) => el.dataset.template);
  expect(boxes).toEqual(['b01', 'b02', 'b03', 'b04', 'test.office/visits', 'test.office/levels']);
  // the standard tables are ticked at first, the pack's are offered
  const ticked = (name: string): boolean => (screen.getByRole('checkbox', { name: new RegExp(`^${name}:`) }) as HTMLInputElement).checked;
  expect(ticked('Biểu 01')).toBe(true);
  expect(ticked('Tiếp dân')).toBe(false);
  expect(screen.getAllByTestId('web-pack-failed').map((el) => el.textContent)).toEqual([
    'Gói biểu mẫu “hong.json” không hợp lệ nên không được nạp: crossRules[0].right.template: gói không có biểu "b01"',
  ]);
});
