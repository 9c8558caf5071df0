/**
 * The shape of a pack, as its JSON Schema says (`core/forms/pack` `validatePack`): every object's keys,
 * types, patterns and lengths, each fault at its path (`templates[0].groups[1].columns[2].id`).
 */
import { isValidIsoDate } from '../dates';
import { PACK_ID, TEMPLATE_ID, LOCAL_ID, DATE, MAX_SAMPLE, isObj, show, at, Checker, COLUMN_ID, LOCAL, TEMPLATE, PACK_FORMAT } from './pack-checker';

// ---------------------------------------------------------------------------------------------
// Shape (what the JSON Schema says)

export function shapeColumn(c: Checker, v: unknown, path: string): void {
  const kind = c.kind(v, path, ['entry', 'sum', 'ratio']);
  if (kind === null || !isObj(v)) return;
  if (kind === 'entry') c.object(v, path, ['kind', 'id', 'label'], ['required', 'count']);
  else if (kind === 'sum') c.object(v, path, ['kind', 'id', 'label', 'of'], []);
  else c.object(v, path, ['kind', 'id', 'label', 'numerator', 'denominator'], []);
  if ('id' in v) c.string(v.id, at(path, 'id'), LOCAL_ID, 200, COLUMN_ID);
  if ('label' in v) c.text(v.label, at(path, 'label'));
  if (kind === 'entry' && 'required' in v && typeof v.required !== 'boolean') c.fault('type', at(path, 'required'), 'phải là true hoặc false', 'must be true or false');
  if (kind === 'entry' && 'count' in v) shapeCount(c, v.count, at(path, 'count'), false);
  if (kind === 'sum' && 'of' in v && c.array(v.of, at(path, 'of'), 1)) v.of.forEach((x, i) => c.string(x, at(at(path, 'of'), i), LOCAL_ID, 200, COLUMN_ID));
  if (kind === 'ratio') {
    for (const k of ['numerator', 'denominator']) if (k in v) c.string(v[k], at(path, k), LOCAL_ID, 200, COLUMN_ID);
  }
}

export const NAME_LISTS = ['names', 'prefixes', 'contains'] as const;

/**
 * A column's `count` (or, with `notCounted`, one of a template's `notCounted` rules): which register,
 * by what, the names as plain text (never a pattern), the types, `rest`.
 */
export function shapeCount(c: Checker, v: unknown, path: string, notCounted: boolean): void {
  const optional = notCounted ? [...NAME_LISTS] : [...NAME_LISTS, 'types', 'rest'];
  if (!c.object(v, path, notCounted ? ['register', 'by', 'reason'] : ['register', 'by'], optional)) return;
  if ('register' in v && v.register !== 'incoming' && v.register !== 'outgoing') {
    c.fault('kind', at(path, 'register'), `"register" phải là "incoming" hoặc "outgoing", không phải ${show(v.register)}`, `"register" must be "incoming" or "outgoing", not ${show(v.register)}`);
  }
  if ('by' in v && v.by !== 'author' && v.by !== 'issuer') {
    c.fault('kind', at(path, 'by'), `"by" phải là "author" hoặc "issuer", không phải ${show(v.by)}`, `"by" must be "author" or "issuer", not ${show(v.by)}`);
  }
  for (const k of [...NAME_LISTS, 'types']) {
    if (!(k in v) || !c.array(v[k], at(path, k), 1)) continue;
    (v[k] as unknown[]).forEach((x, i) => {
      if (typeof x !== 'string' || x.trim() === '' || x.length > 200) {
        c.fault('type', at(at(path, k), i), `phải là một chuỗi không trống (tối đa 200 ký tự), không phải ${show(x)}`, `must be a non-empty string (at most 200 characters), not ${show(x)}`);
      }
    });
  }
  if ('rest' in v && typeof v.rest !== 'boolean') c.fault('type', at(path, 'rest'), 'phải là true hoặc false', 'must be true or false');
  if ('reason' in v) c.text(v.reason, at(path, 'reason'));
  if (!NAME_LISTS.some((k) => k in v)) {
    c.fault('required', at(path, 'names'), 'cần ít nhất một trong "names", "prefixes", "contains"', 'needs at least one of "names", "prefixes", "contains"');
  }
  if ('rest' in v && v.rest === true && 'types' in v) {
    c.fault('count-rest', at(path, 'rest'), 'cột "rest" nhận các loại còn lại, không kèm "types"', 'a "rest" column takes the types left over and has no "types"');
  }
}

export function shapeRule(c: Checker, v: unknown, path: string): void {
  const kind = c.kind(v, path, ['rowSum', 'atMost']);
  if (kind === null || !isObj(v)) return;
  if (kind === 'rowSum') c.object(v, path, ['kind', 'id', 'parts', 'whole', 'label'], []);
  else c.object(v, path, ['kind', 'id', 'small', 'large', 'label'], []);
  if ('id' in v) c.string(v.id, at(path, 'id'), LOCAL_ID, 200, LOCAL);
  if ('label' in v) c.text(v.label, at(path, 'label'));
  if (kind === 'rowSum') {
    if ('parts' in v && c.array(v.parts, at(path, 'parts'), 1)) v.parts.forEach((x, i) => c.string(x, at(at(path, 'parts'), i), LOCAL_ID, 200, COLUMN_ID));
    if ('whole' in v) c.string(v.whole, at(path, 'whole'), LOCAL_ID, 200, COLUMN_ID);
  } else {
    for (const k of ['small', 'large']) if (k in v) c.string(v[k], at(path, k), LOCAL_ID, 200, COLUMN_ID);
  }
}

export function shapeRows(c: Checker, v: unknown, path: string): void {
  const kind = c.kind(v, path, ['repeat', 'fixed']);
  if (kind === null || !isObj(v)) return;
  if (kind === 'repeat') c.object(v, path, ['kind', 'header', 'total'], ['groupRow']);
  else c.object(v, path, ['kind', 'header', 'rows', 'total'], []);
  for (const k of ['header', 'total', 'groupRow']) if (k in v) c.text(v[k], at(path, k));
  if (kind === 'fixed' && 'rows' in v && c.array(v.rows, at(path, 'rows'), 1)) {
    v.rows.forEach((r, i) => {
      const p = at(at(path, 'rows'), i);
      if (!c.object(r, p, ['id', 'label'], [])) return;
      if ('id' in r) c.string(r.id, at(p, 'id'), LOCAL_ID, 200, LOCAL);
      if ('label' in r) c.text(r.label, at(p, 'label'));
    });
  }
}

export function shapeTemplate(c: Checker, v: unknown, path: string): void {
  if (!c.object(v, path, ['id', 'version', 'name', 'title', 'rows', 'groups'], ['summary', 'averages', 'averagesNote', 'overTime', 'rules', 'sample', 'notCounted'])) return;
  if ('notCounted' in v && c.array(v.notCounted, at(path, 'notCounted'), 0)) v.notCounted.forEach((r, i) => shapeCount(c, r, at(at(path, 'notCounted'), i), true));
  if ('id' in v) c.string(v.id, at(path, 'id'), TEMPLATE_ID, 31, TEMPLATE);
  if ('version' in v) c.version(v.version, at(path, 'version'));
  for (const k of ['name', 'title', 'summary', 'averagesNote']) if (k in v) c.text(v[k], at(path, k));
  if ('rows' in v) shapeRows(c, v.rows, at(path, 'rows'));
  if ('groups' in v && c.array(v.groups, at(path, 'groups'), 1)) {
    v.groups.forEach((g, i) => {
      const p = at(at(path, 'groups'), i);
      if (!c.object(g, p, ['id', 'label', 'columns'], [])) return;
      if ('id' in g) c.string(g.id, at(p, 'id'), LOCAL_ID, 200, LOCAL);
      if ('label' in g) c.text(g.label, at(p, 'label'));
      if ('columns' in g && c.array(g.columns, at(p, 'columns'), 1)) g.columns.forEach((col, j) => shapeColumn(c, col, at(at(p, 'columns'), j)));
    });
  }
  if ('averages' in v && c.array(v.averages, at(path, 'averages'), 0)) {
    v.averages.forEach((a, i) => {
      const p = at(at(path, 'averages'), i);
      if (!c.object(a, p, ['kind', 'id', 'label', 'of'], [])) return;
      if ('kind' in a && a.kind !== 'perDay' && a.kind !== 'perMonth') c.fault('kind', at(p, 'kind'), `"kind" phải là "perDay" hoặc "perMonth", không phải ${show(a.kind)}`, `"kind" must be "perDay" or "perMonth", not ${show(a.kind)}`);
      if ('id' in a) c.string(a.id, at(p, 'id'), LOCAL_ID, 200, LOCAL);
      if ('label' in a) c.text(a.label, at(p, 'label'));
      if ('of' in a) c.string(a.of, at(p, 'of'), LOCAL_ID, 200, COLUMN_ID);
    });
  }
  if ('overTime' in v && v.overTime !== 'sum' && v.overTime !== 'last') {
    c.fault('kind', at(path, 'overTime'), `"overTime" phải là "sum" hoặc "last", không phải ${show(v.overTime)}`, `"overTime" must be "sum" or "last", not ${show(v.overTime)}`);
  }
  if ('rules' in v && c.array(v.rules, at(path, 'rules'), 0)) v.rules.forEach((r, i) => shapeRule(c, r, at(at(path, 'rules'), i)));
  if ('sample' in v && c.array(v.sample, at(path, 'sample'), 0)) {
    v.sample.forEach((row, i) => {
      const p = at(at(path, 'sample'), i);
      if (!c.array(row, p, 0)) return;
      row.forEach((x, j) => {
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_SAMPLE) {
          c.fault('sample-value', at(p, j), `số liệu mẫu phải là số nguyên ≥ 0, không phải ${show(x)}`, `a sample figure must be a whole number ≥ 0, not ${show(x)}`);
        }
      });
    });
  }
}

export function shapeCrossRule(c: Checker, v: unknown, path: string): void {
  if (!c.object(v, path, ['id', 'left', 'right', 'label'], [])) return;
  if ('id' in v) c.string(v.id, at(path, 'id'), LOCAL_ID, 200, LOCAL);
  if ('label' in v) c.text(v.label, at(path, 'label'));
  for (const side of ['left', 'right']) {
    if (!(side in v)) continue;
    const p = at(path, side);
    const s = v[side];
    if (!c.object(s, p, ['template', 'column'], [])) continue;
    if ('template' in s) c.string(s.template, at(p, 'template'), TEMPLATE_ID, 31, TEMPLATE);
    if ('column' in s) c.string(s.column, at(p, 'column'), LOCAL_ID, 200, COLUMN_ID);
  }
}

export function shapePack(c: Checker, v: unknown): void {
  if (!c.object(v, '', ['format', 'id', 'version', 'title', 'issuer', 'templates'], ['$schema', 'effective', 'crossRules'])) return;
  if ('$schema' in v && typeof v.$schema !== 'string') c.fault('type', '$schema', '"$schema" phải là một chuỗi (địa chỉ của lược đồ)', '"$schema" must be a string (the address of the schema)');
  if ('format' in v && v.format !== PACK_FORMAT) {
    c.fault('format', 'format', `"format" phải là "${PACK_FORMAT}", không phải ${show(v.format)}`, `"format" must be "${PACK_FORMAT}", not ${show(v.format)}`);
  }
  if ('id' in v) c.string(v.id, 'id', PACK_ID, 64, { vi: 'mã gói (chữ thường, chữ số, dấu . hoặc -)', en: 'pack id (lowercase letters, digits, . or -)' });
  if ('version' in v) c.version(v.version, 'version');
  for (const k of ['title', 'issuer']) if (k in v) c.text(v[k], k);
  if ('effective' in v && (typeof v.effective !== 'string' || !DATE.test(v.effective))) {
    c.fault('pattern', 'effective', `ngày hiệu lực phải có dạng YYYY-MM-DD, không phải ${show(v.effective)}`, `the effective date must be YYYY-MM-DD, not ${show(v.effective)}`);
  } else if (typeof v.effective === 'string' && !isValidIsoDate(v.effective)) {
    c.fault('date', 'effective', `${v.effective} không phải ngày có thật`, `${v.effective} is not a real date`);
  }
  if ('templates' in v && c.array(v.templates, 'templates', 1)) v.templates.forEach((t, i) => shapeTemplate(c, t, at('templates', i)));
  if ('crossRules' in v && c.array(v.crossRules, 'crossRules', 0)) v.crossRules.forEach((r, i) => shapeCrossRule(c, r, at('crossRules', i)));
}
