// A small element tree from a namespace-aware streaming XML parser (saxes): only what the Office
// readers need — element names with their namespace, attributes, children and text.
import { SaxesParser } from 'saxes';

export interface XElement {
  uri: string;
  local: string;
  /** Attributes by `uri|local` (and by local name when unprefixed). */
  attrs: Map<string, string>;
  children: XNode[];
}
export type XNode = XElement | string;

/** Parses a document; throws an Error with the parser's message when it is not well formed. */
export function parseXmlTree(text: string): XElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XElement = { uri: '', local: '#document', attrs: new Map(), children: [] };
  const stack: XElement[] = [root];
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      const at = a as { uri: string; local: string; value: string };
      attrs.set(at.uri ? `${at.uri}|${at.local}` : at.local, at.value);
    }
    const el: XElement = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    stack[stack.length - 1]!.children.push(t);
  });
  parser.on('cdata', (t) => {
    stack[stack.length - 1]!.children.push(t);
  });
  parser.write(text).close();
  if (error) throw error;
  const el = root.children.find((c): c is XElement => typeof c !== 'string');
  if (!el) throw new Error('no root element');
  return el;
}

export const elements = (e: XElement): XElement[] => e.children.filter((c): c is XElement => typeof c !== 'string');

export function textContent(e: XNode): string {
  return typeof e === 'string' ? e : e.children.map(textContent).join('');
}
