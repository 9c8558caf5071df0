/**
 * The tab strip of the pane and the web page: WAI-ARIA tabs (role tablist/tab, roving tabindex, arrow
 * keys, Home/End) drawn with Fluent tokens. Fluent's TabList puts focus sentinels (aria-hidden,
 * focusable) that axe-core reports as serious; this strip has none.
 *
 * The strip is always one row, whatever the width, the font and the text size: Fluent's overflow
 * primitives (`Overflow`, `OverflowItem`, `useOverflowMenu`, `useIsOverflowItemVisible`) measure the
 * tabs and hide the ones that do not fit, last first; those are offered in a "Thêm" / "More" menu
 * beside the tab list. The selected tab is pinned: it is never the one hidden, so choosing a tab from
 * the menu brings it into the row (another one goes into the menu). No width of any label is assumed.
 *
 * `compact` (the pane): smaller text, and a tab may show a short label ("Thiết lập") while its full
 * name ("Thiết lập báo cáo") stays its accessible name, its text and its tooltip.
 */
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import {
  Overflow,
  OverflowItem,
  makeStyles,
  mergeClasses,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";

const FORCED = "@media (forced-colors: active)";

const useStyles = makeStyles({
  /** The overflow container: the tab list and the "Thêm" button, one row. */
  row: {
    display: "flex",
    flexWrap: "nowrap",
    alignItems: "stretch",
    minWidth: 0,
    position: "relative",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: {
    display: "flex",
    flexWrap: "nowrap",
    flexGrow: 0,
    flexShrink: 1,
    minWidth: 0,
  },
  tab: {
    appearance: "none",
    border: "none",
    background: "none",
    cursor: "pointer",
    flexShrink: 0,
    whiteSpace: "nowrap",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ":hover": {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
      borderRadius: tokens.borderRadiusMedium,
    },
    // Windows high contrast: the system's colours, the selected tab's bar in Highlight (below), the
    // others' bar the background's colour (a transparent border would be drawn in the text colour).
    [FORCED]: {
      forcedColorAdjust: "none",
      color: "CanvasText",
      backgroundColor: "Canvas",
      borderBottomColor: "Canvas",
      ":hover": { color: "Highlight", backgroundColor: "Canvas" },
      ":focus-visible": { outlineColor: "Highlight" },
    },
  },
  compactTab: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    paddingTop: tokens.spacingVerticalSNudge,
    paddingBottom: tokens.spacingVerticalSNudge,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    [FORCED]: { color: "CanvasText", borderBottomColor: "Highlight" },
  },
  /** The "Thêm" button and its menu. */
  more: { position: "relative", display: "flex", flexShrink: 0 },
  menu: {
    position: "absolute",
    top: "100%",
    right: 0,
    zIndex: 10,
    display: "flex",
    flexDirection: "column",
    minWidth: "10em",
    maxWidth: "calc(100vw - 16px)",
    padding: tokens.spacingVerticalXS,
    margin: 0,
    listStyleType: "none",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  menuItem: {
    appearance: "none",
    border: "none",
    background: "none",
    cursor: "pointer",
    textAlign: "start",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
    [FORCED]: {
      ":hover": { outline: `${tokens.strokeWidthThin} solid Highlight` },
      ":focus-visible": { outlineColor: "Highlight" },
    },
  },
  /** The full name, for screen readers and text searches, not drawn. */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
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
  /** The name of the menu of the tabs that do not fit ("Thêm" / "More"). */
  moreLabel: string;
  /** The pane's smaller strip (see above); the web page's is roomier. */
  compact?: boolean;
}

type Styles = ReturnType<typeof useStyles>;

interface TabButtonProps<T extends string> {
  item: TabItem<T>;
  index: number;
  isSelected: boolean;
  compact: boolean;
  styles: Styles;
  idPrefix: string;
  panelId: string;
  /** The tab the keyboard moved to, to focus once it is drawn (it may have been in the menu). */
  focusWanted: { current: T | null };
  onSelect(value: T): void;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number): void;
}

function TabButton<T extends string>({
  item: t,
  index,
  isSelected,
  compact,
  styles,
  idPrefix,
  panelId,
  focusWanted,
  onSelect,
  onKeyDown,
}: TabButtonProps<T>): ReactNode {
  const ref = useRef<HTMLButtonElement>(null);
  const short =
    t.short !== undefined && t.short !== t.label ? t.short : undefined;
  useEffect(() => {
    if (focusWanted.current !== t.value || !isSelected) return;
    const el = ref.current;
    // Drawn (not hidden as overflowing): take the keyboard.
    if (el && el.getAttribute("data-overflowing") === null) {
      focusWanted.current = null;
      el.focus();
    }
  });
  return (
    // Pinned while selected: the selected tab is never the one moved into the menu.
    <OverflowItem
      id={t.value}
      {...(isSelected ? { pinned: true } : { priority: -index })}
    >
      <button
        ref={ref}
        type="button"
        role="tab"
        id={`${idPrefix}${t.value}`}
        aria-selected={isSelected}
        aria-controls={panelId}
        tabIndex={isSelected ? 0 : -1}
        title={short !== undefined ? t.label : undefined}
        className={mergeClasses(
          styles.tab,
          compact && styles.compactTab,
          isSelected && styles.selected,
        )}
        onClick={() => onSelect(t.value)}
        onKeyDown={(e) => onKeyDown(e, index)}
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
}

interface MoreMenuProps<T extends string> {
  items: TabItem<T>[];
  label: string;
  compact: boolean;
  styles: Styles;
  idPrefix: string;
  onChoose(value: T): void;
}

/** One entry of the menu, shown only while its tab is hidden from the row. */
function MoreItem<T extends string>({
  item,
  styles,
  onChoose,
}: {
  item: TabItem<T>;
  styles: Styles;
  onChoose(value: T): void;
}): ReactNode {
  const visible = useIsOverflowItemVisible(item.value);
  if (visible) return null;
  return (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className={styles.menuItem}
        data-tab={item.value}
        onClick={() => onChoose(item.value)}
      >
        {item.label}
      </button>
    </li>
  );
}

/** "Thêm" / "More": a menu button (WAI-ARIA menu pattern) listing the tabs the row has no room for. */
function MoreMenu<T extends string>({
  items,
  label,
  compact,
  styles,
  idPrefix,
  onChoose,
}: MoreMenuProps<T>): ReactNode {
  const { ref, isOverflowing } = useOverflowMenu<HTMLDivElement>(
    `${idPrefix}more`,
  );
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const entries = (): HTMLButtonElement[] => [
    ...(menuRef.current?.querySelectorAll<HTMLButtonElement>(
      '[role="menuitem"]',
    ) ?? []),
  ];

  useEffect(() => {
    if (!open) return undefined;
    entries()[0]?.focus();
    const away = (e: Event): void => {
      const host = ref.current;
      if (host && e.target instanceof Node && !host.contains(e.target))
        setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open, ref]);
  useEffect(() => {
    if (!isOverflowing) setOpen(false);
  }, [isOverflowing]);

  if (!isOverflowing) return null;
  const close = (focusButton: boolean): void => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>): void => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number): void =>
      list[((i % list.length) + list.length) % list.length]?.focus();
    if (e.key === "ArrowDown") go(at + 1);
    else if (e.key === "ArrowUp") go(at - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(list.length - 1);
    else if (e.key === "Escape") close(true);
    else if (e.key === "Tab") {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
  };
  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
    }
  };
  return (
    <div ref={ref} className={styles.more}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className={mergeClasses(styles.tab, compact && styles.compactTab)}
        data-testid="tabs-more"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKey}
      >
        {label}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <ul
          role="menu"
          id={menuId}
          aria-label={label}
          ref={menuRef}
          className={styles.menu}
          onKeyDown={onMenuKey}
        >
          {items.map((t) => (
            <MoreItem
              key={t.value}
              item={t}
              styles={styles}
              onChoose={(v) => {
                setOpen(false);
                onChoose(v);
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

export function Tabs<T extends string>({
  label,
  items,
  selected,
  onSelect,
  panelId,
  idPrefix,
  moreLabel,
  compact = false,
}: TabsProps<T>): ReactNode {
  const styles = useStyles();
  const focusWanted = useRef<T | null>(null);
  /** Selects a tab and gives it the keyboard once it is drawn in the row. */
  const choose = (value: T): void => {
    focusWanted.current = value;
    onSelect(value);
  };
  const onKeyDown = (
    e: KeyboardEvent<HTMLButtonElement>,
    index: number,
  ): void => {
    const keys: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (e.key in keys) {
      e.preventDefault();
      const n = items.length;
      choose(items[((keys[e.key] % n) + n) % n].value);
    }
  };
  // The overflow manager measures the row: until the row has a width (laid out, shown), every tab is
  // drawn and none is moved to the menu (a strip measured at width 0 would hide all but one).
  const rowRef = useRef<HTMLDivElement>(null);
  const [laidOut, setLaidOut] = useState(false);
  useLayoutEffect(() => {
    const el = rowRef.current;
    if (laidOut || !el) return undefined;
    if (el.clientWidth > 0) {
      setLaidOut(true);
      return undefined;
    }
    if (typeof ResizeObserver === "undefined") return undefined;
    const watch = new ResizeObserver(() => {
      if (el.clientWidth > 0) setLaidOut(true);
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [laidOut]);
  const row = (
    <div className={styles.row} data-testid="tab-row" ref={rowRef}>
      <div role="tablist" aria-label={label} className={styles.list}>
        {items.map((t, i) => (
          <TabButton
            key={t.value}
            item={t}
            index={i}
            isSelected={t.value === selected}
            compact={compact}
            styles={styles}
            idPrefix={idPrefix}
            panelId={panelId}
            focusWanted={focusWanted}
            onSelect={onSelect}
            onKeyDown={onKeyDown}
          />
        ))}
      </div>
      <MoreMenu
        items={items}
        label={moreLabel}
        compact={compact}
        styles={styles}
        idPrefix={idPrefix}
        onChoose={choose}
      />
    </div>
  );
  return laidOut ? (
    <Overflow minimumVisible={1} padding={compact ? 4 : 24}>
      {row}
    </Overflow>
  ) : (
    row
  );
}
