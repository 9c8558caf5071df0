/**
 * The tab strip of the pane and the web page: WAI-ARIA tabs (role tablist/tab, roving tabindex, arrow
 * keys, Home/End) drawn with Fluent tokens. Fluent's TabList puts focus sentinels (aria-hidden,
 * focusable) that axe-core reports as serious; this strip has none.
 *
 * The strip is always one row, whatever the width, the font and the text size: Fluent's overflow
 * primitives (`Overflow`, `OverflowItem`, `useOverflowMenu`, `useIsOverflowItemVisible`) measure the
 * tabs and hide the ones that do not fit, last first; those are offered in a "Thêm" / "More" menu
 * (WAI-ARIA menu button) after the tab list. The selected tab is pinned: it is never the one hidden,
 * so choosing a tab from the menu brings it into the row (another one goes into the menu). No width of
 * any label is assumed. Until the row has a width (not laid out yet, or jsdom) every tab is drawn.
 *
 * `compact` (the pane): smaller text, and a tab may show a short label ("Thiết lập") while its full
 * name ("Thiết lập báo cáo") stays its accessible name, its text and its tooltip.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Overflow, OverflowItem, makeStyles, mergeClasses, tokens, useIsOverflowItemVisible, useOverflowMenu } from '@fluentui/react-components';

const FORCED = '@media (forced-colors: active)';

const useStyles = makeStyles({
  row: { display: 'flex', minWidth: 0, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  list: { display: 'flex', minWidth: 0 },
  tab: {
    appearance: 'none',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    flexShrink: 0,
    whiteSpace: 'nowrap',
    textAlign: 'start',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px', borderRadius: tokens.borderRadiusMedium },
    // Windows high contrast: system colours; the selected tab's bar in Highlight (below), the others'
    // in the background's colour (a transparent border would be drawn in the text's).
    [FORCED]: { forcedColorAdjust: 'none', color: 'CanvasText', backgroundColor: 'Canvas', borderBottomColor: 'Canvas', ':hover': { color: 'Highlight' }, ':focus-visible': { outlineColor: 'Highlight' } },
  },
  compactTab: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalXS}`,
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    [FORCED]: { borderBottomColor: 'Highlight' },
  },
  more: { position: 'relative', display: 'flex', flexShrink: 0 },
  menu: {
    position: 'absolute',
    top: '100%',
    right: 0,
    zIndex: 10,
    display: 'flex',
    flexDirection: 'column',
    minWidth: '10em',
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  /** The full name, for screen readers and text searches, not drawn. */
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0, 0, 0, 0)', whiteSpace: 'nowrap' },
});

export interface TabItem<T extends string> {
  value: T;
  /** The tab's full name: its accessible name. */
  label: string;
  /** What the strip shows in place of a long full name; a part of `label`. */
  short?: string;
}

export interface TabsProps<T extends string> {
  label: string;
  items: TabItem<T>[];
  selected: T;
  onSelect(value: T): void;
  /** id of the panel the tabs control. */
  panelId: string;
  idPrefix: string;
  /** The name of the menu of the tabs the row has no room for ("Thêm" / "More"). */
  moreLabel: string;
  /** The pane's smaller strip (see above); the web page's is roomier. */
  compact?: boolean;
}

type Styles = ReturnType<typeof useStyles>;

/**
 * Gives the keyboard to the tab chosen by key or from the menu once it is drawn: rendered again when
 * the selected tab's visibility changes (the overflow manager shows a pinned tab a moment later).
 */
function FocusChosen({ selected, wanted, refs }: { selected: string; wanted: { current: string | null }; refs: { current: Partial<Record<string, HTMLButtonElement | null>> } }): null {
  useIsOverflowItemVisible(selected);
  useEffect(() => {
    const el = wanted.current === selected ? refs.current[selected] : undefined;
    if (el && !el.hasAttribute('data-overflowing')) {
      wanted.current = null;
      el.focus();
    }
  });
  return null;
}

/** One entry of the "Thêm" menu, there only while its tab is hidden from the row. */
function MoreItem({ item, styles, onChoose }: { item: TabItem<string>; styles: Styles; onChoose(): void }): ReactNode {
  return useIsOverflowItemVisible(item.value) ? null : (
    <button type="button" role="menuitem" tabIndex={-1} className={styles.tab} onClick={onChoose}>
      {item.label}
    </button>
  );
}

/** "Thêm" / "More": a menu button listing the tabs the row has no room for (arrow keys, Escape). */
function MoreMenu<T extends string>({ items, label, compact, styles, idPrefix, onChoose }: { items: TabItem<T>[]; label: string; compact: boolean; styles: Styles; idPrefix: string; onChoose(value: T): void }): ReactNode {
  const { ref, isOverflowing } = useOverflowMenu<HTMLDivElement>();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const entries = (): HTMLElement[] => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return undefined;
    entries()[0]?.focus();
    // A click anywhere else closes the menu.
    const away = (e: Event): void => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open, ref]);
  if (!isOverflowing) return null;
  const onMenuKey = (e: KeyboardEvent): void => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 };
    if (e.key in to) list[(to[e.key] + list.length) % list.length]?.focus();
    else if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else {
      if (e.key === 'Tab') setOpen(false);
      return;
    }
    e.preventDefault();
  };
  const menuId = `${idPrefix}more-menu`;
  return (
    <div ref={ref} className={styles.more}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className={mergeClasses(styles.tab, compact && styles.compactTab)}
        data-testid="tabs-more"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div role="menu" id={menuId} aria-label={label} ref={menu} className={styles.menu} onKeyDown={onMenuKey}>
          {items.map((t) => (
            <MoreItem
              key={t.value}
              item={t}
              styles={styles}
              onChoose={() => {
                setOpen(false);
                onChoose(t.value);
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The manager measures again when the row is resized; a tab that grows or shrinks in a row of the
 * same width (a font arriving, text spacing, text size) makes it measure again too (a change of
 * its padding option, by a thousandth of a pixel, is what asks it to). Returns a counter that
 * changes when a tab's width does.
 */
function useRemeasure(listRef: RefObject<HTMLDivElement | null>, count: number): number {
  const [remeasure, setRemeasure] = useState(0);
  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return undefined;
    const widths = new WeakMap<Element, number>();
    const watch = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const w = e.contentRect?.width ?? 0;
        if (w <= 0 || widths.get(e.target) === w) continue;
        if (widths.has(e.target)) changed = true;
        widths.set(e.target, w);
      }
      if (changed) setRemeasure((n) => n + 1);
    });
    for (const tab of list.children) watch.observe(tab);
    return () => watch.disconnect();
  }, [listRef, count]);
  return remeasure;
}

/** Whether the row has a width yet: until then the overflow manager would measure 0 and hide every tab but one. */
function useLaidOut(rowRef: RefObject<HTMLDivElement | null>): boolean {
  const [laidOut, setLaidOut] = useState(false);
  useLayoutEffect(() => {
    const el = rowRef.current;
    if (laidOut || !el) return undefined;
    const check = (): void => setLaidOut(el.clientWidth > 0);
    check();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const watch = new ResizeObserver(check);
    watch.observe(el);
    return () => watch.disconnect();
  }, [rowRef, laidOut]);
  return laidOut;
}

export function Tabs<T extends string>({ label, items, selected, onSelect, panelId, idPrefix, moreLabel, compact = false }: TabsProps<T>): ReactNode {
  const styles = useStyles();
  const refs = useRef<Partial<Record<string, HTMLButtonElement | null>>>({});
  /** The tab the keyboard or the menu chose: it takes the keyboard once drawn (it may have been in the menu). */
  const wanted = useRef<string | null>(null);
  const choose = (value: T): void => {
    wanted.current = value;
    onSelect(value);
  };
  const onKeyDown = (e: KeyboardEvent, index: number): void => {
    const keys: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (e.key in keys) {
      e.preventDefault();
      choose(items[(keys[e.key] + items.length) % items.length].value);
    }
  };
  const listRef = useRef<HTMLDivElement>(null);
  const remeasure = useRemeasure(listRef, items.length);
  const rowRef = useRef<HTMLDivElement>(null);
  const laidOut = useLaidOut(rowRef);
  const row = (
    <div className={styles.row} data-testid="tab-row" ref={rowRef}>
      <div role="tablist" aria-label={label} className={styles.list} ref={listRef}>
        {items.map((t, i) => {
          const isSelected = t.value === selected;
          const short = t.short !== undefined && t.short !== t.label ? t.short : undefined;
          return (
            // Pinned while selected: the selected tab is never the one moved into the menu.
            <OverflowItem key={t.value} id={t.value} {...(isSelected ? { pinned: true } : { priority: -i })}>
              <button
                ref={(el) => {
                  refs.current[t.value] = el;
                }}
                type="button"
                role="tab"
                id={`${idPrefix}${t.value}`}
                aria-selected={isSelected}
                aria-controls={panelId}
                tabIndex={isSelected ? 0 : -1}
                title={short !== undefined ? t.label : undefined}
                className={mergeClasses(styles.tab, compact && styles.compactTab, isSelected && styles.selected)}
                onClick={() => onSelect(t.value)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                {short === undefined ? (
                  t.label
                ) : (
                  <>
                    <span aria-hidden="true">{short}</span>
                    <span className={styles.hidden}>{t.label}</span>
                  </>
                )}
              </button>
            </OverflowItem>
          );
        })}
      </div>
      <FocusChosen selected={selected} wanted={wanted} refs={refs} />
      <MoreMenu items={items} label={moreLabel} compact={compact} styles={styles} idPrefix={idPrefix} onChoose={choose} />
    </div>
  );
  // One tree whether laid out or not (a remount would drop the keyboard's place): until then no tab
  // may be hidden (every tab is "minimum visible").
  return (
    // `padding`: room kept free at the row's end (16 px in the pane) — the manager sums rounded widths,
    // so a row it finds full to the pixel would spill by a pixel or two in another font.
    <Overflow minimumVisible={laidOut ? 1 : items.length} padding={(compact ? 16 : 24) + (remeasure % 2) / 1000}>
      {row}
    </Overflow>
  );
}
