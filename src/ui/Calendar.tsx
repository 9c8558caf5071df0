/**
 * The keyboard calendar of `DateField` (src/ui/DateField.tsx): a month as a grid of day buttons with
 * one in the tab order (roving focus); arrows move by a day or a week, Home/End to the week's start
 * and end, Page Up/Page Down by a month, Enter or Space picks. Loaded when a calendar first opens, so
 * the web page's start bundle does not carry it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { daysInMonth, formatDdMmYyyy, isValidIsoDate, parseIsoDate, toIsoDate } from '../core/dates';
import { format, type Language } from './i18n';
import { UI_STRINGS } from './strings';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  grid: { borderCollapse: 'collapse' },
  weekday: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, padding: tokens.spacingHorizontalXXS },
  cell: { padding: 0, textAlign: 'center' },
  day: {
    appearance: 'none',
    width: '32px',
    height: '32px',
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  today: { borderTopColor: tokens.colorNeutralStroke1, borderRightColor: tokens.colorNeutralStroke1, borderBottomColor: tokens.colorNeutralStroke1, borderLeftColor: tokens.colorNeutralStroke1 },
  selected: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, ':hover': { backgroundColor: tokens.colorBrandBackgroundHover } },
});

function todayIso(): string {
  const d = new Date();
  return toIsoDate({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

function addDays(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  const out = toIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
  return isValidIsoDate(out) ? out : iso;
}

/** The same day `n` months on, or the month's last day when it has fewer (31/01 + 1 → 28/02). */
function addMonths(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const out = toIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
  return isValidIsoDate(out) ? out : iso;
}

/** Monday = 0 … Sunday = 6. */
function weekday(iso: string): number {
  const d = parseIsoDate(iso);
  return d ? (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7 : 0;
}

/** The month of `focus` as weeks of seven days (ISO dates), null outside the month. */
function monthWeeks(focus: string): (string | null)[][] {
  const d = parseIsoDate(focus);
  if (!d) return [];
  const first = toIsoDate({ year: d.year, month: d.month, day: 1 });
  const cells: (string | null)[] = Array.from({ length: weekday(first) }, () => null);
  for (let day = 1; day <= daysInMonth(d.year, d.month); day++) cells.push(toIsoDate({ year: d.year, month: d.month, day }));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The day a key moves the keyboard to from `iso` (arrows, Home/End of the week, Page Up/Down a month), or undefined for another key. */
function keyMove(key: string, iso: string): string | undefined {
  switch (key) {
    case 'ArrowLeft':
      return addDays(iso, -1);
    case 'ArrowRight':
      return addDays(iso, 1);
    case 'ArrowUp':
      return addDays(iso, -7);
    case 'ArrowDown':
      return addDays(iso, 7);
    case 'Home':
      return addDays(iso, -weekday(iso));
    case 'End':
      return addDays(iso, 6 - weekday(iso));
    case 'PageUp':
      return addMonths(iso, -1);
    case 'PageDown':
      return addMonths(iso, 1);
    default:
      return undefined;
  }
}

/** The calendar: a month as a grid of day buttons with one in the tab order (roving focus). */
export default function Calendar({ selected, onPick, lang }: { selected: string | null; onPick: (iso: string) => void; lang: Language }): ReactNode {
  const styles = useStyles();
  const s = UI_STRINGS[lang];
  const today = todayIso();
  const [focus, setFocus] = useState(() => (selected && isValidIsoDate(selected) ? selected : today));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  /** Whether the keyboard follows the focused day: on opening and after a key move (not after the month buttons). */
  const follow = useRef(true);
  const captionId = useId();
  useEffect(() => {
    if (follow.current) buttons.current.get(focus)?.focus();
    follow.current = false;
  }, [focus]);
  const d = parseIsoDate(focus);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, iso: string): void => {
    const moved = keyMove(e.key, iso);
    if (moved === undefined) return;
    e.preventDefault();
    follow.current = true;
    setFocus(moved);
  };
  const weekdays = s.weekdays.split(' ');
  return (
    <div data-testid="calendar">
      <div className={styles.head}>
        <Button size="small" appearance="subtle" aria-label={s.previousMonth} onClick={() => setFocus(addMonths(focus, -1))}>
          ‹
        </Button>
        <Text id={captionId} weight="semibold" aria-live="polite">
          {d ? format(s.monthCaption, { month: d.month, year: d.year }) : ''}
        </Text>
        <Button size="small" appearance="subtle" aria-label={s.nextMonth} onClick={() => setFocus(addMonths(focus, 1))}>
          ›
        </Button>
      </div>
      <table role="grid" aria-labelledby={captionId} className={styles.grid}>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col" className={styles.weekday}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focus).map((week, i) => (
            <tr key={i}>
              {week.map((iso, j) =>
                iso === null ? (
                  <td key={j} className={styles.cell} />
                ) : (
                  <td key={iso} className={styles.cell} aria-selected={iso === selected}>
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) buttons.current.set(iso, el);
                        else buttons.current.delete(iso);
                      }}
                      className={mergeClasses(styles.day, iso === today && styles.today, iso === selected && styles.selected)}
                      tabIndex={iso === focus ? 0 : -1}
                      aria-label={formatDdMmYyyy(iso)}
                      aria-current={iso === today ? 'date' : undefined}
                      data-date={iso}
                      onKeyDown={(e) => onKeyDown(e, iso)}
                      onClick={() => onPick(iso)}
                    >
                      {Number(iso.slice(8))}
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
