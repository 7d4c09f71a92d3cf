// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { parsedPast, whenParsed } from '../../../../lib/sites/kit/parsed-element';
import { parsingDocument } from '../../support/parsing-document';

const PAGE = '<!DOCTYPE html><html><head></head><body><main><h2>Intro</h2><section><h2>Target <i>box</i></h2><p>inside</p></section> <p>after</p></main></body></html>';

/** Frames the test runs when it says: the watch's checks. */
function frames() {
  const queue: (() => void)[] = [];
  return { frame: (check: () => void) => void queue.push(check), run: () => queue.splice(0).forEach((check) => check()), pending: () => queue.length };
}

const sectionOf = (heading: Element) => (heading.textContent === 'Target box' ? heading.parentElement! : undefined);

describe('whenParsed', () => {
  it('picks among the tag’s elements, each once and whole, and calls back once the parser is past the picked element’s end', () => {
    const parsing = parsingDocument(PAGE);
    const { frame, run } = frames();
    const pick = vi.fn(sectionOf);
    const found = vi.fn();
    whenParsed(parsing.doc, 'h2', pick, found, new AbortController().signal, frame);
    const seen: string[] = [];
    let last: Node | undefined;
    while (!found.mock.calls.length && (last = parsing.step())) {
      run();
      if (!found.mock.calls.length) seen.push(last.nodeName);
    }
    expect(pick.mock.calls.map(([heading]) => heading.textContent)).toEqual(['Intro', 'Target box']);
    expect(found).toHaveBeenCalledTimes(1);
    const section = found.mock.calls[0]![0] as Element;
    expect(section.outerHTML).toBe('<section><h2>Target <i>box</i></h2><p>inside</p></section>');
    // The first node after the section (the space before "after"), not one later.
    expect(last?.nodeType).toBe(Node.TEXT_NODE);
    expect(section.nextSibling).toBe(last);
    parsing.loaded();
    run();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('calls back at once when the element is already parsed past, and looks once a frame, not in a loop', () => {
    const parsing = parsingDocument(PAGE);
    parsing.parseUntil(() => parsing.doc.querySelector('section h2') !== null);
    const { frame, run, pending } = frames();
    const found = vi.fn();
    whenParsed(parsing.doc, 'h2', sectionOf, found, new AbortController().signal, frame);
    expect(pending()).toBe(1);
    run();
    expect(pending()).toBe(1);
    parsing.parseUntil(() => parsing.doc.body.textContent!.includes('after'));
    const later = frames();
    whenParsed(parsing.doc, 'h2', sectionOf, found, new AbortController().signal, later.frame);
    expect(found).toHaveBeenCalledTimes(1);
    expect(later.pending()).toBe(0);
  });

  it('stops at DOMContentLoaded and when aborted; nothing on a page already parsed', () => {
    const found = vi.fn();
    const loaded = parsingDocument(PAGE);
    const first = frames();
    whenParsed(loaded.doc, 'h2', sectionOf, found, new AbortController().signal, first.frame);
    loaded.loaded();
    first.run();
    expect(first.pending()).toBe(0);

    const aborted = parsingDocument(PAGE);
    const second = frames();
    const stop = new AbortController();
    whenParsed(aborted.doc, 'h2', sectionOf, found, stop.signal, second.frame);
    stop.abort();
    while (aborted.step()) second.run();

    const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
    const third = frames();
    whenParsed(parsed, 'h2', sectionOf, found, new AbortController().signal, third.frame);
    expect(third.pending()).toBe(0);
    expect(found).not.toHaveBeenCalled();
  });
});

describe('parsedPast', () => {
  it('is true once a node follows the element or one of its ancestors', () => {
    const parsing = parsingDocument(PAGE);
    parsing.parseUntil(() => parsing.doc.querySelector('section p') !== null);
    const heading = parsing.doc.querySelector('section h2')!;
    const section = parsing.doc.querySelector('section')!;
    expect(parsedPast(heading)).toBe(true);
    expect(parsedPast(section)).toBe(false);
    parsing.parseUntil(() => section.nextSibling !== null);
    expect(parsedPast(section)).toBe(true);
    expect(parsedPast(section.querySelector('p')!)).toBe(true);
  });
});
