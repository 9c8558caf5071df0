/** @jest-environment jsdom */
/**
 * "Mở gói biểu mẫu…" on the web page: a pack file the clerk opens is checked as `bieumau packs
 * check` checks it, its tables are offered, and it is remembered in the browser until forgotten; a
 * broken pack is shown with its faults and never used or remembered.
 */
import '../support/taskpane-polyfill';
import { act } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { WebApp } from '../../src/web/WebApp';
import { PACK_FILES_KEY, rememberedPackFiles, storePackFiles, type PackStorage } from '../../src/web/pack-files';
import { at, goodPack } from '../support/packs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom's Blob has no text() (every browser the page supports has); read it as a browser would.
if (typeof Blob.prototype.text !== 'function') {
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const templateBoxes = (): string[] => [...document.querySelectorAll<HTMLElement>('[data-template]')].map((el) => el.dataset.template ?? '');

async function openFiles(files: File[]): Promise<void> {
  const input = await screen.findByTestId('pack-file-input');
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
  // File.text() and the state updates after it
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const packFile = (pack: unknown, name = 'tiep-dan.json'): File => new File([JSON.stringify(pack)], name, { type: 'application/json' });

test('an opened pack adds its tables, is remembered for the next visit, and can be forgotten', async () => {
  render(<WebApp />);
  expect(templateBoxes()).toEqual(['b01', 'b02', 'b03', 'b04']);
  await openFiles([packFile(goodPack())]);
  expect(templateBoxes()).toEqual(['b01', 'b02', 'b03', 'b04', 'test.office/visits', 'test.office/levels']);
  expect(screen.getByTestId('web-pack-opened').textContent).toContain('Gói thử — Văn phòng thử, phiên bản 1 (tiep-dan.json)');
  expect(screen.getByTestId('web-status').textContent).toContain('Đã mở gói Gói thử, phiên bản 1');
  expect(rememberedPackFiles(window.localStorage).map((f) => f.file)).toEqual(['tiep-dan.json']);

  // the next visit
  cleanup();
  render(<WebApp />);
  // the pack files' part is a chunk of its own: the remembered pack is back once it is in
  await waitFor(() => expect(templateBoxes()).toEqual(['b01', 'b02', 'b03', 'b04', 'test.office/visits', 'test.office/levels']));

  const forget = await screen.findByRole('button', { name: 'Quên gói Gói thử' });
  await act(async () => {
    fireEvent.click(forget);
  });
  expect(templateBoxes()).toEqual(['b01', 'b02', 'b03', 'b04']);
  expect(screen.queryByTestId('web-pack-opened')).toBeNull();
  expect(window.localStorage.getItem(PACK_FILES_KEY)).toBe('[]');
});

test('a broken pack is named with its faults, offers nothing and is not remembered', async () => {
  const broken = goodPack();
  at(broken, 'crossRules[0].right').template = 'b01';
  render(<WebApp />);
  await openFiles([packFile(broken, 'hong.json'), new File(['{ not json'], 'khong-phai.json')]);
  expect(screen.getAllByTestId('web-pack-file-problem').map((el) => el.textContent)).toEqual([
    'Gói biểu mẫu “hong.json” không hợp lệ nên không được mở: crossRules[0].right.template: gói không có biểu "b01"',
    expect.stringMatching(/^Không mở được gói biểu mẫu “khong-phai.json”: /),
  ]);
  expect(templateBoxes()).toEqual(['b01', 'b02', 'b03', 'b04']);
  expect(window.localStorage.getItem(PACK_FILES_KEY)).toBeNull();
});

test('the same pack id and version opened again replaces the one remembered; a built-in pack is not opened twice', async () => {
  render(<WebApp />);
  await openFiles([packFile(goodPack(), 'a.json')]);
  await openFiles([packFile(goodPack(), 'b.json')]);
  expect(rememberedPackFiles(window.localStorage).map((f) => f.file)).toEqual(['b.json']);
  expect(screen.getAllByTestId('web-pack-opened')).toHaveLength(1);
  const standard = { ...goodPack(), id: 'vn.standard' };
  await openFiles([packFile(standard, 'chuan.json')]);
  expect(screen.getByTestId('web-pack-file-problem').textContent).toBe('Gói “vn.standard” phiên bản 1 đã có sẵn trên trang, không mở lần nữa.');
});

test('storage that refuses to write: the pack is used for this visit and the page says it is not kept', () => {
  const refusing: PackStorage = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
  expect(storePackFiles(refusing, [{ file: 'a.json', text: '{}' }])).toBe(false);
  expect(storePackFiles(null, [])).toBe(false);
  const garbled: PackStorage = { getItem: () => '{"not":"a list"}', setItem: () => undefined };
  expect(rememberedPackFiles(garbled)).toEqual([]);
  expect(rememberedPackFiles({ getItem: () => '[{"file":"a.json","text":"{}"},{"file":3}]', setItem: () => undefined })).toEqual([{ file: 'a.json', text: '{}' }]);
});
