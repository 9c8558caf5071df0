/**
 * The tab strip of the pane and the web page: WAI-ARIA tabs (role tablist/tab, roving tabindex, arrow
 * keys, Home/End) drawn with Fluent tokens. Fluent's TabList puts focus sentinels (aria-hidden,
 * focusable) that axe-core reports as serious; this strip has none. `compact` (the pane) fits one row
 * of a 320 px pane: smaller text, tabs sharing the width, and a tab may show a short label
 * ("Thiết lập") while its full name ("Thiết lập báo cáo") stays its accessible name, its text and its
 * tooltip. Should the labels still not fit (a large font), the strip wraps rather than hide a tab.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  /** The web page's roomier strip. */
  roomyList: { columnGap: tokens.spacingHorizontalXS },
  tab: {
    appearance: 'none',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px', borderRadius: tokens.borderRadiusMedium },
  },
  compactTab: {
    flexGrow: 1,
    flexShrink: 1,
    minWidth: 0,
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    paddingTop: tokens.spacingVerticalSNudge,
    paddingBottom: tokens.spacingVerticalSNudge,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
  /** The full name, for screen readers and text searches, not drawn. */
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface TabItem<T extends string> {
  value: T;
  /** The tab's full name: its accessible name. */
  label: string;
  /** What the strip shows when the full name is too long for one row; a part of `label`. */
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
  /** The pane's one-row strip (see above); the web page's is roomier. */
  compact?: boolean;
}

export function Tabs<T extends string>({ label, items, selected, onSelect, panelId, idPrefix, compact = false }: TabsProps<T>): ReactNode {
  const styles = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number): void => {
    const n = items.length;
    const i = ((index % n) + n) % n;
    refs.current[i]?.focus();
    onSelect(items[i].value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const keys: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]);
    }
  };
  return (
    <div role="tablist" aria-label={label} className={mergeClasses(styles.list, !compact && styles.roomyList)}>
      {items.map((t, i) => {
        const isSelected = t.value === selected;
        const short = t.short !== undefined && t.short !== t.label ? t.short : undefined;
        return (
          <button
            key={t.value}
            ref={(el) => {
              refs.current[i] = el;
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
        );
      })}
    </div>
  );
}
