/**
 * "Mở gói biểu mẫu…": the clerk opens a template pack (a .json file the issuing office sent),
 * the page checks it as `bieumau packs check` does, offers its tables in every tab, and remembers
 * it in this browser until the clerk forgets it (src/web/pack-files.ts). A pack with faults is
 * shown with them and never used; a pack already loaded (built in, or from the server's
 * packs/index.json) is not opened twice.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PackCatalog } from '../core/forms/catalog';
import type { Pack, PackFault } from '../core/forms/pack';
import type { Language } from '../ui/i18n';
import { format } from '../ui/i18n';
import { FilePicker } from '../ui/FilePicker';
import { browserStorage, openPackText, packKey, rememberedPackFiles, storePackFiles, validPacks, type OpenedPack, type PackStorage } from './pack-files';
import { faultLine, faultsShown } from '../ui/model/pack-faults';
import { UI_STRINGS } from '../ui/strings';

interface PackFileStrings {
  heading: string;
  open: string;
  none: string;
  /** `{title}` `{version}` `{issuer}` `{file}` */
  item: string;
  /** `{title}` */
  forget: string;
  /** `{title}` `{version}` */
  opened: string;
  notKept: string;
  /** `{title}` */
  forgotten: string;
  /** `{file}` */
  invalid: string;
  /** `{file}` `{reason}` */
  error: string;
  /** `{id}` `{version}` */
  already: string;
}

export const PACK_FILE_STRINGS: Record<Language, PackFileStrings> = {
  vi: {
    heading: 'Gói biểu mẫu',
    open: 'Mở gói biểu mẫu…',
    none: 'Chưa mở gói nào: chỉ có các biểu chuẩn. Cơ quan ban hành biểu gửi gói dưới dạng tệp .json.',
    item: '{title} — {issuer}, phiên bản {version} ({file})',
    forget: 'Quên gói {title}',
    opened: 'Đã mở gói {title}, phiên bản {version}: các biểu của gói có trong mọi thẻ và được nhớ cho lần sau trên trình duyệt này.',
    notKept: 'Trình duyệt này không cho lưu, nên gói chỉ dùng được đến khi đóng trang.',
    forgotten: 'Đã quên gói {title}.',
    invalid: 'Gói biểu mẫu “{file}” không hợp lệ nên không được mở:',
    error: 'Không mở được gói biểu mẫu “{file}”: {reason}',
    already: 'Gói “{id}” phiên bản {version} đã có sẵn trên trang, không mở lần nữa.',
  },
  en: {
    heading: 'Template packs',
    open: 'Open a template pack…',
    none: 'No pack opened: the standard tables only. The office that issues a form sends its pack as a .json file.',
    item: '{title} — {issuer}, version {version} ({file})',
    forget: 'Forget pack {title}',
    opened: 'Opened pack {title}, version {version}: its tables are in every tab and remembered in this browser for next time.',
    notKept: 'This browser does not allow saving, so the pack can be used until the page is closed.',
    forgotten: 'Forgot pack {title}.',
    invalid: 'Template pack “{file}” is invalid and was not opened:',
    error: 'Template pack “{file}” could not be opened: {reason}',
    already: 'Pack “{id}” version {version} is already on the page; it is not opened twice.',
  },
};

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A pack's faults on one line, capped as the pane lists them. */
function faultsText(faults: readonly PackFault[], lang: Language): string {
  const { shown, more } = faultsShown(faults);
  const text = shown.map((f) => faultLine(f, lang)).join('; ');
  return more > 0 ? `${text}; ${format(UI_STRINGS[lang].packMoreFaults, { count: more })}` : text;
}

/** The packs opened from files, each with its button to forget it; or that none is opened. */
function OpenedList({ opened, lang, onForget }: { opened: readonly OpenedPack[]; lang: Language; onForget: (o: OpenedPack) => void }): ReactNode {
  const styles = useStyles();
  const s = PACK_FILE_STRINGS[lang];
  const title = (p: Pack): string => p.title[lang];
  if (opened.length === 0) return <Text size={200}>{s.none}</Text>;
  return (
    <ul className={styles.list}>
      {opened.map((o) => (
        <li key={`${o.file}:${o.loaded.status === 'loaded' ? packKey(o.loaded.pack) : 'x'}`} data-testid="web-pack-opened">
          <div className={styles.row}>
            <Text size={200}>
              {o.loaded.status === 'loaded'
                ? format(s.item, { title: title(o.loaded.pack), issuer: o.loaded.pack.issuer[lang], version: String(o.loaded.pack.version), file: o.file })
                : o.loaded.status === 'invalid'
                  ? `${format(s.invalid, { file: o.file })} ${faultsText(o.loaded.faults, lang)}`
                  : format(s.error, { file: o.file, reason: o.loaded.reason[lang] })}
            </Text>
            <Button size="small" appearance="subtle" onClick={() => onForget(o)}>
              {format(s.forget, { title: o.loaded.status === 'loaded' ? title(o.loaded.pack) : o.file })}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function PackFiles(props: {
  lang: Language;
  /** The packs the page has without the opened ones (built in, and the server's). */
  base: PackCatalog;
  /** The valid opened packs, each time they change. */
  onPacks: (packs: Pack[]) => void;
  announce: (text: string) => void;
  /** Where to remember (default: the browser's localStorage). */
  storage?: PackStorage | null;
}): ReactNode {
  const styles = useStyles();
  const s = PACK_FILE_STRINGS[props.lang];
  const storage = useRef(props.storage !== undefined ? props.storage : browserStorage()).current;
  const [opened, setOpened] = useState<OpenedPack[]>(() => rememberedPackFiles(storage).map(openPackText));
  const [problem, setProblem] = useState<string[]>([]);
  const onPacks = useRef(props.onPacks);
  onPacks.current = props.onPacks;
  useEffect(() => onPacks.current(validPacks(opened)), [opened]);

  const title = (p: Pack): string => p.title[props.lang];
  const keep = (next: OpenedPack[]): boolean => {
    setOpened(next);
    return storePackFiles(storage, next.map(({ file, text }) => ({ file, text })));
  };

  const open = async (files: File[]): Promise<void> => {
    let next = opened;
    const problems: string[] = [];
    const said: string[] = [];
    for (const f of files) {
      const o = openPackText({ file: f.name, text: await f.text() });
      if (o.loaded.status === 'invalid') {
        problems.push(`${format(s.invalid, { file: f.name })} ${faultsText(o.loaded.faults, props.lang)}`);
        continue;
      }
      if (o.loaded.status === 'error') {
        problems.push(format(s.error, { file: f.name, reason: o.loaded.reason[props.lang] }));
        continue;
      }
      const pack = o.loaded.pack;
      if (props.base.has(pack.id, pack.version)) {
        problems.push(format(s.already, { id: pack.id, version: String(pack.version) }));
        continue;
      }
      // Opening a pack id and version again replaces the one remembered.
      next = [...next.filter((x) => x.loaded.status !== 'loaded' || packKey(x.loaded.pack) !== packKey(pack)), o];
      said.push(format(s.opened, { title: title(pack), version: String(pack.version) }));
    }
    setProblem(problems);
    if (next !== opened && !keep(next)) said.push(s.notKept);
    if (said.length > 0 || problems.length > 0) props.announce([...said, ...problems].join(' '));
  };

  const forget = (o: OpenedPack): void => {
    keep(opened.filter((x) => x !== o));
    setProblem([]);
    props.announce(format(s.forgotten, { title: o.loaded.status === 'loaded' ? title(o.loaded.pack) : o.file }));
  };

  return (
    <section className={styles.box} aria-labelledby="web-pack-files-heading" data-testid="web-pack-files">
      <div className={styles.row}>
        <Text as="h2" size={300} weight="semibold" id="web-pack-files-heading">
          {s.heading}
        </Text>
        <FilePicker label={s.open} accept=".json,application/json" multiple inputTestId="pack-file-input" size="small" onFiles={(files) => void open(files)} />
      </div>
      <OpenedList opened={opened} lang={props.lang} onForget={forget} />
      {problem.map((p) => (
        <Text as="p" size={200} role="alert" key={p} data-testid="web-pack-file-problem">
          {p}
        </Text>
      ))}
    </section>
  );
}
