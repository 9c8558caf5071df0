/**
 * "Cách tổng hợp" / "How to add up" in the Tổng hợp tabs of the pane and the web page: "Theo đơn vị"
 * (consolidation: many units, one period; the default) or "Theo kỳ" (the roll-up: one unit, or one
 * set of units, over consecutive periods). A radio group: one tab stop, arrow keys move the choice,
 * and a screen reader reads the group's name, its hint and each choice.
 */
import type { ReactNode } from 'react';
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { Language } from './i18n';
import { UI_STRINGS } from './strings';

export type ConsolidateMode = 'units' | 'periods';

export function ModeChoice({ value, onChange, lang, disabled = false }: { value: ConsolidateMode; onChange: (mode: ConsolidateMode) => void; lang: Language; disabled?: boolean }): ReactNode {
  const s = UI_STRINGS[lang];
  return (
    <Field label={s.modeLabel} hint={s.modeHint}>
      <RadioGroup value={value} layout="horizontal" disabled={disabled} data-testid="consolidate-mode" onChange={(_, d) => onChange(d.value === 'periods' ? 'periods' : 'units')}>
        <Radio value="units" label={s.modeUnits} />
        <Radio value="periods" label={s.modePeriods} />
      </RadioGroup>
    </Field>
  );
}
