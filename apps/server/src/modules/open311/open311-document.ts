import { XMLBuilder } from 'fast-xml-parser';

/** The two formats of every Open311 resource: XML (required by the standard) and JSON. */
export const OPEN311_FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The content type of each format, as GeoReport v2 writes it. */
export const OPEN311_CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** A field's value: text, a number, a flag, nothing (an empty element, JSON null), a record or a list. */
export type Open311Value = string | number | boolean | null | Open311Record | Open311List;

/** A record: its fields in the order the standard lists them. */
export interface Open311Record {
  [field: string]: Open311Value;
}

/** A list: a container element of repeated `item` elements in XML, an array in JSON. */
export interface Open311List {
  readonly kind: 'list';
  readonly item: string;
  readonly entries: readonly Open311Value[];
}

/** A list of `item` elements. */
export function listOf(item: string, entries: readonly Open311Value[]): Open311List {
  return { kind: 'list', item, entries };
}

/** A resource: a list (`<services><service>…`), or one record (`<service_definition>…`), under its root. */
export interface Open311Document {
  root: string;
  body: Open311List | Open311Record;
}

function isList(value: Open311Value): value is Open311List {
  return typeof value === 'object' && value !== null && (value as Open311List).kind === 'list';
}

/** Whether XML 1.0 can carry a code point at all (its `Char` production). */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c >= 0x10000
  );
}

// A case's text typed or pasted anywhere (a stray control character, half of a surrogate pair) must not make
// the whole document unreadable: what XML cannot carry is left out.
function xmlText(text: string): string {
  let kept = '';
  for (const ch of text) if (isXmlChar(ch.codePointAt(0)!)) kept += ch;
  return kept;
}

function toXmlTree(value: Open311Value): unknown {
  if (value === null) return '';
  if (typeof value === 'string') return xmlText(value);
  if (typeof value !== 'object') return String(value);
  if (isList(value)) return value.entries.length === 0 ? '' : { [value.item]: value.entries.map(toXmlTree) };
  return Object.fromEntries(Object.entries(value).map(([field, v]) => [field, toXmlTree(v)]));
}

/** The Spark convention (the standard's JSON mapping of its XML): a list is an array, even of one. */
function toJsonTree(value: Open311Value): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isList(value)) return value.entries.map(toJsonTree);
  return Object.fromEntries(Object.entries(value).map(([field, v]) => [field, toJsonTree(v)]));
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, indentBy: '  ' });

/** The XML of a resource, with the declaration the standard asks for. */
export function renderXml(document: Open311Document): string {
  const tree = { [document.root]: toXmlTree(document.body) };
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(tree) as string}`;
}

/** The JSON of a resource: the root element disappears, its list becomes the array (Spark convention). */
export function renderJson(document: Open311Document): string {
  return JSON.stringify(toJsonTree(document.body));
}

/** A resource in the format asked for. */
export function renderDocument(document: Open311Document, format: Open311Format): string {
  return format === 'json' ? renderJson(document) : renderXml(document);
}
