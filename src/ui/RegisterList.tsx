/**
 * The registers chosen for a count, as the pane and the web page show them: each refusal (file,
 * sheet, cell and why), each register read (incoming or outgoing, its rows) and, for an outgoing
 * one, the body it belongs to where its symbols do not tell (`--body` on the command line).
 */
import type { ReactNode } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumberIn } from '../core/numbers';
import type { Text as Words } from '../core/forms/template';
import { format, type Language } from './i18n';
import { registersOf, refusalsOf, type RegisterListAction, type RegisterListState } from './model/registers';
import { REGISTER_LIST_STRINGS, type RegisterListStrings } from './register-strings';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** The bodies an outgoing register may belong to: Biểu 01's local columns. */
const BODIES: readonly { id: string; label: keyof RegisterListStrings }[] = [
  { id: 'local.provincialParty', label: 'bodyProvincialParty' },
  { id: 'local.council', label: 'bodyCouncil' },
  { id: 'local.peoplesCommittee', label: 'bodyPeoplesCommittee' },
  { id: 'local.departments', label: 'bodyDepartments' },
  { id: 'local.commune', label: 'bodyCommune' },
];

export interface RegisterListProps {
  lang: Language;
  state: RegisterListState;
  dispatch: (action: RegisterListAction) => void;
  /** Test ids of a register read and of a refusal (each screen keeps its own). */
  itemTestId: string;
  refusedTestId: string;
  /** Show the hint under the body's choice (the web page has the room). */
  hint?: boolean;
  /** Each register and refusal can be taken out of the list (the pane: a sheet read may be the wrong one). */
  removable?: boolean;
}

export function RegisterList({ lang, state, dispatch, itemTestId, refusedTestId, hint = false, removable = false }: RegisterListProps): ReactNode {
  const styles = useStyles();
  const s = REGISTER_LIST_STRINGS[lang];
  const remove = (name: string): ReactNode =>
    removable && (
      <Button size="small" appearance="subtle" aria-label={format(s.registerRemoveLabel, { file: name })} onClick={() => dispatch({ type: 'remove', name })}>
        {s.registerRemove}
      </Button>
    );
  return (
    <>
      {refusalsOf(state).map((r) => (
        <div className={styles.row} key={r.file}>
          <Text role="alert" className={styles.error} data-testid={refusedTestId}>
            {r.message[lang]}
          </Text>
          {remove(r.file)}
        </div>
      ))}
      {registersOf(state).map(({ name, register }) => (
        <div className={styles.row} key={name} data-testid={itemTestId}>
          <Text>{format(register.kind === 'incoming' ? s.registerIncoming : s.registerOutgoing, { file: name, rows: formatNumberIn(register.rows.length, lang) })}</Text>
          {register.kind === 'outgoing' && (
            <Field label={format(s.registerBody, { file: name })} hint={hint ? s.registerBodyHint : undefined}>
              <Select value={state.bodies[name] ?? ''} onChange={(_, d) => dispatch({ type: 'body', name, body: d.value })}>
                <option value="">{s.registerBodyNone}</option>
                {BODIES.map((b) => (
                  <option key={b.id} value={b.id}>
                    {s[b.label]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {remove(name)}
        </div>
      ))}
    </>
  );
}

/** The documents whose column could not be decided, each by its file (or sheet), row and symbol, with why. */
export function UnclassifiedList({ lang, items }: { lang: Language; items: readonly { file: string; row: number; symbol: string; why: Words }[] }): ReactNode {
  const styles = useStyles();
  const s = REGISTER_LIST_STRINGS[lang];
  return (
    <ul className={styles.list} data-testid="count-unclassified">
      {items.map((u) => (
        <li key={`${u.file}:${u.row}`}>{format(s.unclassifiedRow, { file: u.file, row: formatNumberIn(u.row, lang), symbol: u.symbol, why: u.why[lang] })}</li>
      ))}
    </ul>
  );
}
