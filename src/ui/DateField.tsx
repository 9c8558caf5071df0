/**
 * A date field that reads and writes dd/mm/yyyy whatever the browser's language (a native date input
 * shows mm/dd/yyyy in an English browser, while every other date in the product is day first). The
 * clerk types the date (15/10/2025, 5/1/2025, 15-10-2025 or 2025-10-15 are all taken) or picks it on
 * a calendar that works from the keyboard: the button beside the field opens it with the focus on
 * the chosen day (or today); arrows move by a day or a week, Home/End to the week's start and end,
 * Page Up/Page Down by a month, Enter or Space picks, Esc closes and gives the focus back to the button.
 *
 * `value` is the date as ISO `yyyy-mm-dd`, '' when blank; while the text is no date, `onChange`
 * gets the text itself (not a valid ISO date, so the form knows it is wrong) and the field says so.
 */
import { Suspense, lazy, useEffect, useRef, useState, type FocusEvent, type ReactNode, type RefObject } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { formatDdMmYyyy, isValidIsoDate, parseDayFirstDate } from '../core/dates';
import type { Language } from './i18n';
import { UI_STRINGS } from './strings';

/** The calendar grid, loaded when a calendar first opens (the web page's start bundle stays small). */
const Calendar = lazy(() => import(/* webpackChunkName: "calendar" */ './Calendar'));

const useStyles = makeStyles({
  row: { position: 'relative', display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  // The calendar opens under the field, over what follows (no popover library: the web page's start bundle stays small).
  popup: {
    position: 'absolute',
    top: '100%',
    right: 0,
    zIndex: 10,
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  input: { flexGrow: 1, minWidth: '7em' },
});

/** The field's value for a text: the ISO date it names, '' when blank, else the text as typed. */
function valueOf(text: string): string {
  const t = text.trim();
  return t === '' ? '' : (parseDayFirstDate(t) ?? t);
}

/** The text showing a value: dd/mm/yyyy for a date, the text itself otherwise. */
function textOf(value: string): string {
  return isValidIsoDate(value) ? formatDdMmYyyy(value) : value;
}

/** A small calendar drawn as an SVG (no icon font or package). */
function CalendarIcon(): ReactNode {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.2">
      <rect x="2" y="3" width="12" height="11" rx="1.5" />
      <path d="M2 6.5h12M5 1.8v2.4M11 1.8v2.4" />
    </svg>
  );
}

/** The calendar under the field: Escape or the keyboard leaving it closes it. */
function CalendarPopup(props: {
  label: string;
  className: string;
  toggle: RefObject<HTMLButtonElement | null>;
  selected: string | null;
  lang: Language;
  onClose: () => void;
  onPick: (iso: string) => void;
}): ReactNode {
  const { toggle, onClose } = props;
  return (
    <div
      role="dialog"
      aria-label={props.label}
      className={props.className}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
        toggle.current?.focus();
      }}
      onBlur={(e: FocusEvent<HTMLDivElement>) => {
        // The keyboard or a click went elsewhere: the calendar closes.
        const next = e.relatedTarget as Node | null;
        if (next !== null && !e.currentTarget.contains(next) && next !== toggle.current) onClose();
      }}
    >
      <Suspense fallback={null}>
        <Calendar selected={props.selected} lang={props.lang} onPick={props.onPick} />
      </Suspense>
    </div>
  );
}

export function DateField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  lang: Language;
  className?: string;
  hint?: string;
  /** A message of the form's own (a range that ends before it starts); the field's own (not a date) otherwise. */
  validationMessage?: string;
}): ReactNode {
  const { value, onChange, lang } = props;
  const styles = useStyles();
  const s = UI_STRINGS[lang];
  const [text, setText] = useState(() => textOf(value));
  const [shownFor, setShownFor] = useState(value);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const row = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    // A click anywhere else closes the calendar.
    const away = (e: MouseEvent): void => {
      if (!row.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  // A value set from outside (settings read from the workbook, a quick pick): show it.
  if (value !== shownFor) {
    setShownFor(value);
    if (valueOf(text) !== value) setText(textOf(value));
  }
  const typed = (t: string): void => {
    setText(t);
    const v = valueOf(t);
    setShownFor(v);
    if (v !== value) onChange(v);
  };
  const notADate = text.trim() !== '' && parseDayFirstDate(text) === null;
  return (
    <Field label={props.label} className={props.className} hint={props.hint} validationMessage={props.validationMessage ?? (notADate ? s.dateInvalid : undefined)}>
      <div className={styles.row} ref={row}>
        <Input
          ref={input}
          className={styles.input}
          value={text}
          placeholder={s.datePlaceholder}
          autoComplete="off"
          onChange={(_, d) => typed(d.value)}
          onBlur={() => {
            // 5/1/2025 reads 05/01/2025 once the clerk moves on.
            if (isValidIsoDate(valueOf(text))) setText(textOf(valueOf(text)));
          }}
        />
        <Button ref={toggle} appearance="subtle" icon={<CalendarIcon />} aria-label={s.openCalendar} title={s.openCalendar} aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((o) => !o)} />
        {open && (
          <CalendarPopup
            label={props.label}
            className={styles.popup}
            toggle={toggle}
            selected={isValidIsoDate(value) ? value : null}
            lang={lang}
            onClose={() => setOpen(false)}
            onPick={(iso) => {
              typed(formatDdMmYyyy(iso));
              setOpen(false);
              input.current?.focus();
            }}
          />
        )}
      </div>
    </Field>
  );
}
