/**
 * The result of a check in one bar: "Sẵn sàng gửi" (no error) or "Chưa sẵn sàng gửi", with the counts
 * of core's `countFindings`: errors, warnings, and the entry cells not filled in said apart
 * ("Còn 12 ô chưa nhập."). The pane shows it for the workbook, the web page for each file.
 */
import type { ReactNode, Ref } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FindingCounts } from '../core/check/findings';
import { formatNumberIn } from '../core/numbers';
import { format, type Language } from './i18n';
import { UI_STRINGS, type UiStrings } from './strings';

/** The summary in words: its title and its detail. */
export function checkSummaryText(counts: FindingCounts, s: UiStrings, lang: Language): { ready: boolean; title: string; detail: string } {
  const n = (x: number): string => formatNumberIn(x, lang);
  const ready = counts.errors === 0;
  const main = ready ? format(s.readyDetail, { warnings: n(counts.warnings) }) : format(s.notReadyDetail, { errors: n(counts.errors), warnings: n(counts.warnings) });
  const detail = counts.blank > 0 ? `${main} ${format(s.blankDetail, { blank: n(counts.blank) })}` : main;
  return { ready, title: ready ? s.readyToSend : s.notReady, detail };
}

export function CheckSummary({ counts, lang, testId = 'check-summary', ref }: { counts: FindingCounts; lang: Language; testId?: string; ref?: Ref<HTMLDivElement> }): ReactNode {
  const { ready, title, detail } = checkSummaryText(counts, UI_STRINGS[lang], lang);
  return (
    <MessageBar intent={ready ? 'success' : 'warning'} data-testid={testId} data-ready={ready ? 'true' : 'false'} ref={ref} tabIndex={-1}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {detail}
      </MessageBarBody>
    </MessageBar>
  );
}
