/**
 * The search index's words (./local-index.ts): an id per word, in the order words were first met, and
 * the words' sort order for exact and prefix look-ups by binary search. Read back from a stored index,
 * it is two values used as they are (the words joined by newlines, and their sort order); the map from
 * word to id is built only when a word is added (the background's writes, never the popup's searches).
 */
export class Vocabulary {
  /** Word → id; built by the first word added (until then, look-ups use `sorted`). */
  private byText: Map<string, number> | undefined;

  private constructor(
    private readonly texts: string[],
    /** Word ids in the words' sort order; undefined after a word is added, until next needed. */
    private sorted: ArrayLike<number> | undefined,
  ) {}

  static empty(): Vocabulary {
    return new Vocabulary([], undefined);
  }

  /** As stored: the words joined by newlines, their ids in sort order (see `joined`, `order`). */
  static stored(joined: string, order: ArrayLike<number>): Vocabulary {
    return new Vocabulary(joined ? joined.split('\n') : [], order);
  }

  get size(): number {
    return this.texts.length;
  }

  /** The words, joined by newlines (a word never holds one). */
  joined(): string {
    return this.texts.join('\n');
  }

  text(id: number): string {
    return this.texts[id]!;
  }

  /** The id of a word, undefined when it is not in the vocabulary. */
  find(text: string): number | undefined {
    if (this.byText) return this.byText.get(text);
    const found = this.order()[this.firstFrom(text)];
    return found !== undefined && this.texts[found] === text ? found : undefined;
  }

  /** The id of a word, given the next one when new. */
  add(word: string): number {
    this.byText ??= new Map(this.texts.map((text, id) => [text, id]));
    let id = this.byText.get(word);
    if (id === undefined) {
      id = this.texts.length;
      this.byText.set(word, id);
      this.texts.push(word);
      this.sorted = undefined;
    }
    return id;
  }

  /** Ids of the words that start with `prefix` (the word itself included), in sort order. */
  startingWith(prefix: string): number[] {
    const texts = this.texts;
    const sorted = this.order();
    const ids: number[] = [];
    for (let i = this.firstFrom(prefix); i < sorted.length && texts[sorted[i]!]!.startsWith(prefix); i++) ids.push(sorted[i]!);
    return ids;
  }

  /** Word ids in the words' sort order (sorted now if a word was added since). */
  order(): ArrayLike<number> {
    const texts = this.texts;
    return (this.sorted ??= texts.map((_, id) => id).sort((a, b) => (texts[a]! < texts[b]! ? -1 : 1)));
  }

  /** The position, in the sort order, of the first word not before `text`. */
  private firstFrom(text: string): number {
    const texts = this.texts;
    const sorted = this.order();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (texts[sorted[mid]!]! < text) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
