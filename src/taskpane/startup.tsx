/**
 * Starting the pane: wait for office.js to report its host, then show the shell in the Office
 * display language and theme. Opened anywhere else — a plain browser tab, office.js blocked, or
 * another Office application — it shows a bilingual message instead of a blank page or an error.
 */
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { currentLanguage } from './i18n';
import { format, LANGUAGES, type Language } from '../ui/i18n';
import { Shell } from './Shell';
import { STRINGS } from './strings';
import { currentThemeKind, type ThemeKind } from './theme';

/** How long to wait for `Office.onReady` before showing the "open this in Excel" message. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

export type OfficeDetection =
  | { readonly kind: 'excel' }
  /** The `Office` global does not exist: office.js was not loaded (blocked, offline, plain page). */
  | { readonly kind: 'no-office-js' }
  /** office.js is there but reports no host (a plain browser tab), or did not answer in time. */
  | { readonly kind: 'no-host' }
  | { readonly kind: 'other-host'; readonly host: string }
  | { readonly kind: 'failed'; readonly detail: string };

/** The part of office.js that detection needs; the real `Office` namespace satisfies it. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
}

function officeGlobal(): OfficeLike | undefined {
  const candidate: unknown = (globalThis as { Office?: unknown }).Office;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const onReady: unknown = (candidate as { onReady?: unknown }).onReady;
  return typeof onReady === 'function' ? (candidate as OfficeLike) : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Classifies what `Office.onReady` answered. */
export function classifyHost(host: unknown): OfficeDetection {
  if (host === null || host === undefined || host === '') return { kind: 'no-host' };
  // Office.HostType.Excel is the string "Excel".
  return String(host) === 'Excel' ? { kind: 'excel' } : { kind: 'other-host', host: String(host) };
}

/**
 * Waits for office.js. Resolves (never rejects) with what it found; on timeout with `no-host`.
 * `onLateExcel` is called if Excel reports itself after the timeout (a slow start), so the caller
 * can replace the message with the pane.
 */
export function detectOffice(
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
  office: OfficeLike | undefined = officeGlobal(),
  onLateExcel?: () => void,
): Promise<OfficeDetection> {
  if (office === undefined) return Promise.resolve({ kind: 'no-office-js' });
  return new Promise<OfficeDetection>((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      resolve({ kind: 'no-host' });
    }, timeoutMs);
    let ready: Promise<{ host: unknown; platform: unknown }>;
    try {
      ready = office.onReady();
    } catch (error) {
      clearTimeout(timer);
      resolve({ kind: 'failed', detail: describe(error) });
      return;
    }
    ready.then(
      (info) => {
        const found = classifyHost(info?.host);
        if (settled) {
          if (found.kind === 'excel') onLateExcel?.();
          return;
        }
        settled = true;
        clearTimeout(timer);
        resolve(found);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ kind: 'failed', detail: describe(error) });
      },
    );
  });
}

const useMessageStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    paddingTop: tokens.spacingVerticalXL,
    paddingBottom: tokens.spacingVerticalXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** The bilingual page shown outside Excel: every paragraph in Vietnamese, then in English. */
export function OutsideOffice({ detection }: { readonly detection: OfficeDetection }): ReactNode {
  const styles = useMessageStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="vi" className={styles.page} data-testid="outside-office">
      {LANGUAGES.map((language) => {
        const s = STRINGS[language];
        return (
          <section key={language} lang={language} className={styles.block}>
            <Text as="h1" size={500} weight="semibold">
              {detection.kind === 'other-host' ? s.wrongHost : s.outsideOfficeTitle}
            </Text>
            <Text as="p">{s.outsideOfficeBody}</Text>
            {detection.kind === 'no-office-js' && <Text as="p">{s.officeJsMissing}</Text>}
            {detection.kind === 'failed' && <Text as="p">{format(s.startupFailed, { detail: detection.detail })}</Text>}
          </section>
        );
      })}
    </FluentProvider>
  );
}

function Loading(): ReactNode {
  // Both languages: the display language is not known before office.js answers.
  return (
    <p role="status" style={{ fontFamily: 'Segoe UI, sans-serif', margin: 16 }}>
      <span lang="vi">{STRINGS.vi.loading}</span> / <span lang="en">{STRINGS.en.loading}</span>
    </p>
  );
}

export interface StartOptions {
  /** What the pane shows under its header once Excel is ready. */
  readonly content?: ReactNode;
  /**
   * Renders the whole pane (Shell included) once Excel is ready, in place of `<Shell>{content}</Shell>`:
   * the working pane holds the language itself so that its in-pane switch can change it.
   */
  readonly renderPane?: (language: Language, theme: ThemeKind) => ReactNode;
  readonly timeoutMs?: number;
  /** Defaults to the `Office` global; tests pass their own. */
  readonly office?: OfficeLike;
}

export interface StartedPane {
  readonly root: Root;
  /** Resolves when the first screen (pane or message) has been chosen. */
  readonly ready: Promise<OfficeDetection>;
}

/** Renders into `container`: a loading line, then the pane in Excel or the message elsewhere. */
export function startPane(container: HTMLElement, options: StartOptions = {}): StartedPane {
  const root = createRoot(container);
  const showPane = (): void => {
    root.render(
      options.renderPane ? (
        options.renderPane(currentLanguage(), currentThemeKind())
      ) : (
        <Shell language={currentLanguage()} theme={currentThemeKind()}>
          {options.content}
        </Shell>
      ),
    );
  };
  root.render(<Loading />);
  const office = 'office' in options ? options.office : officeGlobal();
  const ready = detectOffice(options.timeoutMs ?? OFFICE_READY_TIMEOUT_MS, office, showPane).then((detection) => {
    if (detection.kind === 'excel') showPane();
    else root.render(<OutsideOffice detection={detection} />);
    return detection;
  });
  return { root, ready };
}
