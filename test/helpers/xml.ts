// A small strict XML 1.0 reader for tests: well-formedness (one root, nesting, quoted and unique
// attributes, only the five predefined entities and character references, no raw `<` or `&`,
// no forbidden characters) and a tree to assert on. Throws with the offset on any error.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  /** Character data directly inside, entities decoded. */
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Parses `xml`, or throws a message naming what is wrong and where. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at offset ${i}: ${why} (near ${JSON.stringify(xml.slice(i, i + 30))})`);
  };
  if (FORBIDDEN.test(xml)) {
    i = xml.search(FORBIDDEN);
    fail("forbidden character");
  }
  const skipSpace = (): void => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) fail("expected a name");
    i += m![0].length;
    return m![0];
  };
  const decode = (raw: string, where: string): string =>
    raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) fail(`bare & in ${where}`);
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const num = /^#([0-9]+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
      if (!num) fail(`unknown entity &${ref}; in ${where}`);
      return String.fromCodePoint(parseInt(num![1]!, ref.startsWith("#x") ? 16 : 10));
    });

  if (xml.startsWith("<?xml")) {
    const end = xml.indexOf("?>");
    if (end < 0) fail("unterminated XML declaration");
    i = end + 2;
  }
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml[i] === "<") {
      if (xml.startsWith("</", i)) {
        i += 2;
        const closing = name();
        skipSpace();
        if (xml[i] !== ">") fail("expected > after closing tag");
        i++;
        const open = stack.pop();
        if (!open || open.name !== closing) fail(`</${closing}> does not close <${open?.name}>`);
        if (stack.length === 0) break;
        continue;
      }
      if (xml.startsWith("<!--", i)) {
        const end = xml.indexOf("-->", i);
        if (end < 0) fail("unterminated comment");
        i = end + 3;
        continue;
      }
      i++;
      const element: XmlElement = { name: name(), attributes: {}, children: [], text: "" };
      if (root && stack.length === 0) fail("a second root element");
      for (;;) {
        const before = i;
        skipSpace();
        if (xml[i] === ">" || xml.startsWith("/>", i)) break;
        if (i === before) fail("expected space between attributes");
        const attr = name();
        if (attr in element.attributes) fail(`duplicate attribute ${attr}`);
        skipSpace();
        if (xml[i] !== "=") fail("expected =");
        i++;
        skipSpace();
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") fail("unquoted attribute value");
        const end = xml.indexOf(quote!, i + 1);
        if (end < 0) fail("unterminated attribute value");
        const raw = xml.slice(i + 1, end);
        if (raw.includes("<")) fail("< in attribute value");
        element.attributes[attr] = decode(raw, "attribute");
        i = end + 1;
      }
      stack[stack.length - 1]?.children.push(element);
      root ??= element;
      if (xml.startsWith("/>", i)) {
        i += 2;
        if (stack.length === 0) break;
      } else {
        i++;
        stack.push(element);
      }
      continue;
    }
    const next = xml.indexOf("<", i);
    const raw = xml.slice(i, next < 0 ? xml.length : next);
    if (stack.length === 0) fail("text outside the root element");
    if (raw.includes("]]>")) fail("]]> in text");
    stack[stack.length - 1]!.text += decode(raw, "text");
    i += raw.length;
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  skipSpace();
  if (i < xml.length) fail("content after the root element");
  if (!root) fail("no root element");
  return root!;
}
