// The report's own line attributes (docs/protocol.md, "Documents"): provenance, fresh and overlap.
// Registered as Quill block formats so that they stay on their lines while people edit; an
// attribute Quill does not know is dropped the first time a line is rebuilt. They belong to the
// line they were given to: Enter leaves them where they were instead of copying them to the new
// line, which would otherwise claim a room's provenance for whatever is typed there.
import Quill from 'quill';
import Delta from 'quill-delta';

const Parchment = Quill.import('parchment');

export const REPORT_ATTRIBUTES = ['provenance', 'fresh', 'overlap'];
const CLEARED = Object.fromEntries(REPORT_ATTRIBUTES.map((name) => [name, null]));

/** How the page names a provenance: set by the report view, which knows the rooms. */
let describe = () => null;

export function describeProvenanceWith(fn) {
  describe = fn;
}

/** A line's provenance, shown as a small room label (data-room) and a tooltip (title). */
class ProvenanceAttributor extends Parchment.Attributor {
  add(node, value) {
    if (typeof value !== 'string' || !value) {
      return false;
    }
    node.setAttribute(this.keyName, value);
    const label = describe(value);
    if (label) {
      node.setAttribute('data-room', label.room);
      node.setAttribute('title', label.title);
    } else {
      node.removeAttribute('data-room');
      node.removeAttribute('title');
    }
    return true;
  }

  remove(node) {
    super.remove(node);
    node.removeAttribute('data-room');
    node.removeAttribute('title');
  }
}

/** A true/false line attribute: the server sends true, and the editor must give back true, not "true". */
class FlagAttributor extends Parchment.Attributor {
  add(node, value) {
    if (value !== true && value !== 'true') {
      return false;
    }
    node.setAttribute(this.keyName, 'true');
    return true;
  }

  value(node) {
    return node.getAttribute(this.keyName) === 'true' ? true : undefined;
  }
}

let registered = false;

export function registerReportFormats() {
  if (registered) {
    return;
  }
  registered = true;
  const block = { scope: Parchment.Scope.BLOCK };
  Quill.register({
    'formats/provenance': new ProvenanceAttributor('provenance', 'data-provenance', block),
    'formats/fresh': new FlagAttributor('fresh', 'data-fresh', block),
    'formats/overlap': new Parchment.Attributor('overlap', 'data-overlap', block),
  }, true);
}

/**
 * An Enter binding that runs before Quill's own on lines with report attributes. Enter at the start
 * of a line opens an empty line above, without them; anywhere else the text before the caret keeps
 * the line's attributes and the new line after it gets none of the report's (and, after a heading's
 * end, is no heading either, as Quill does).
 */
export function keepReportAttributesOnEnter(quill) {
  const keyboard = quill.getModule('keyboard');
  keyboard.addBinding({ key: 'Enter', shiftKey: null, format: REPORT_ATTRIBUTES }, (range, context) => {
    const [line, offset] = quill.getLine(range.index);
    if (!line || context.empty || offset + range.length > line.length() - 1) {
      return true;
    }
    const lineFormats = {};
    for (const [name, value] of Object.entries(context.format)) {
      if (quill.scroll.query(name, Parchment.Scope.BLOCK) && !Array.isArray(value)) {
        lineFormats[name] = value;
      }
    }
    let change;
    if (offset === 0 && range.length === 0) {
      const above = { ...lineFormats };
      REPORT_ATTRIBUTES.forEach((name) => delete above[name]);
      change = new Delta().retain(range.index).insert('\n', above);
    } else {
      const rest = line.length() - 1 - offset - range.length;
      const after = rest === 0 && lineFormats.header ? { ...CLEARED, header: null } : CLEARED;
      change = new Delta().retain(range.index).delete(range.length).insert('\n', lineFormats).retain(rest).retain(1, after);
    }
    quill.updateContents(change, Quill.sources.USER);
    quill.setSelection(range.index + 1, Quill.sources.SILENT);
    quill.scrollSelectionIntoView();
    return false;
  });
  // Bindings run in the order they were added; this one has to come before Quill's.
  keyboard.bindings.Enter.unshift(keyboard.bindings.Enter.pop());
}

/** The change that clears every fresh mark: the lines stay, only the highlight goes. */
export function clearFresh(contents) {
  const change = new Delta();
  let pending = 0;
  contents.eachLine((line, attributes) => {
    pending += line.length();
    if (attributes.fresh) {
      change.retain(pending).retain(1, { fresh: null });
      pending = 0;
    } else {
      pending += 1;
    }
  });
  return change;
}
